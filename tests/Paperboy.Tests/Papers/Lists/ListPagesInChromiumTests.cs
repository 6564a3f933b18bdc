using Microsoft.Playwright;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Infrastructure.TestPapers;

namespace Paperboy.Tests.Papers.Lists;

public sealed class ListPagesInChromiumTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task AReaderMovesBetweenDaysAndOpensAPaperFromTheList()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        await app.LoadHfDayAsync("2026-08-20");
        await app.LoadHfDayAsync("2026-08-21");
        var page = await chromium.NewPageAsync(app.ServerAddress);

        await page.GotoAsync("/papers/date/2026-08-21");
        var titles = await page.Locator("article.paper-entry .entry-title").AllInnerTextsAsync();
        Assert.Contains("EnvHarness: Awakening Static Worlds for Agent Learning", titles);
        Assert.Equal(17, titles.Count);

        await page.GetByRole(AriaRole.Link, new() { Name = "← 2026-08-20" }).ClickAsync();
        await page.WaitForURLAsync("**/papers/date/2026-08-20");
        Assert.Equal("Thursday, August 20, 2026", await page.Locator("h1").InnerTextAsync());
        var firstTitle = await page.Locator("article.paper-entry .entry-title").First.InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "2026-08-21 →" }).ClickAsync();
        await page.WaitForURLAsync("**/papers/date/2026-08-21");
        await page.GetByRole(AriaRole.Link, new() { Name = "EnvHarness: Awakening Static Worlds for Agent Learning" }).ClickAsync();
        await page.WaitForURLAsync("**/papers/2608.19880");
        Assert.Equal("EnvHarness: Awakening Static Worlds for Agent Learning", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("LLM agents learn by interacting", await page.Locator(".abstract").InnerTextAsync());
        Assert.False(string.IsNullOrWhiteSpace(firstTitle));
        Assert.Empty(chromium.Dialogs);
    }

    [Fact]
    public async Task TheListFitsAPhoneScreenWithoutSidewaysScrolling()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        await app.FeatureAsync(new DateOnly(2026, 8, 21), Paper("2608.00001", "A rather long title that must wrap on a narrow phone screen instead of overflowing", 3));
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.ServerAddress.ToString(), ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/papers/date/2026-08-21");

        Assert.Equal("A rather long title that must wrap on a narrow phone screen instead of overflowing",
            await page.Locator(".entry-title").InnerTextAsync());
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"the page is {scrollWidth}px wide on a 360px screen");
        await context.CloseAsync();
    }
}
