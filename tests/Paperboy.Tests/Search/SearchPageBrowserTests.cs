using Microsoft.Playwright;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Search;

/// <summary>The search page in real Chromium: type in the header box, see results, filter, open a paper.</summary>
public sealed class SearchPageBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task APersonSearchesFiltersAndOpensAPaper()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        var papers = RealPapers.FromDays("2026-08-21");
        papers.Single(p => p.Id == "2608.18580").Categories = ["cs.SE"];
        await RealPapers.InsertAsync(app, papers);
        var page = await chromium.NewPageAsync(app.ServerAddress);

        await page.GotoAsync("/search");
        var box = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Searchbox);
        await box.FillAsync("agents");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=agents");
        var titles = page.Locator("ol.results h2");
        Assert.Contains("FACET: Preserving Source Intent and Executable State in Terminal Task Synthesis", await titles.AllInnerTextsAsync());
        var marks = await page.Locator("ol.results li").First.Locator("mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.StartsWith("agent", m.ToLowerInvariant()));
        var all = await titles.CountAsync();
        Assert.True(all >= 3, $"{all} results");

        await page.GetByLabel("Category").FillAsync("cs.CL");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**cat=cs.CL**");
        Assert.Equal(all - 1, await titles.CountAsync());
        Assert.DoesNotContain("FACET: Preserving Source Intent and Executable State in Terminal Task Synthesis", await titles.AllInnerTextsAsync());

        await page.GetByLabel("Sort").SelectOptionAsync("votes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**sort=votes**");
        var votes = (await page.Locator("ol.results .votes").AllInnerTextsAsync()).Select(v => int.Parse(v.Split(' ')[0])).ToList();
        Assert.Equal(votes.OrderDescending(), votes);

        var first = await titles.First.InnerTextAsync();
        await titles.First.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/papers/**");
        var id = papers.Single(p => p.Title == first).Id;
        Assert.EndsWith($"/papers/{id}", page.Url);
        Assert.Equal(first, await page.Locator("h1").InnerTextAsync());
        Assert.Empty(chromium.Dialogs);
    }
}
