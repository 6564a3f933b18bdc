using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Paperboy.Tests.Community.CommunityTestData;
using static Paperboy.Tests.Community.SignInBrowserTests;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Community.Collections;

public class CollectionBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task AReaderSavesAPaperFromItsPageAndReadsTheCollectionOnAPhone()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "Attention is all you need, again", DateOnly.FromDateTime(DateTime.UtcNow),
            authors: ["Ashish Vaswani", "Noam Shazeer"]);
        await AddUserAsync(app, "ada");
        var page = await chromium.NewPageAsync(app.ServerAddress);
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserSignInAsync(app, page, "ada@example.org");

        await page.GotoAsync("/papers/2409.01234");
        await page.Locator("details.save summary").ClickAsync();
        await page.GetByLabel("Collection", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "New collection…" });
        await page.GetByLabel("New collection's name").FillAsync("Reading group");
        await page.GetByLabel("Make a new collection public").CheckAsync();
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Compare with the 2017 paper");
        await page.GetByLabel("Tags", new() { Exact = true }).FillAsync("attention, week-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/u/ada/collections/\d+$"));

        await page.SetViewportSizeAsync(375, 740);
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Reading group");
        var item = page.Locator("li.collection-paper");
        await Expect(item.Locator("h3")).ToHaveTextAsync("Attention is all you need, again");
        await Expect(item.Locator(".note")).ToHaveTextAsync("Compare with the 2017 paper");
        await Expect(item.Locator(".tag")).ToHaveTextAsync(["attention", "week-1"]);
        await Expect(page.Locator(".collection-facts")).ToContainTextAsync("public");
        // Nothing is wider than the phone: the page does not scroll sideways.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Expect(page.Locator(".exports").GetByRole(AriaRole.Link, new() { Name = "BibTeX" })).ToBeVisibleAsync();
        Assert.Empty(chromium.Dialogs);
    }
}
