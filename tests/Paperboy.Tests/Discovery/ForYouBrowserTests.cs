using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Paperboy.Tests.Community.SignInBrowserTests;
using static Paperboy.Tests.Discovery.ForYouData;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Discovery;

public class ForYouBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task AReaderSeesWhyEachPaperIsThereAndDismissesOneOnDesktopAndPhone()
    {
        await using var app = await StartAsync(Engine.Sqlite, server: true);
        await SpeechReaderAsync(app);
        var page = await chromium.NewPageAsync(app.ServerAddress);
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserSignInAsync(app, page, "ada@example.org");

        await page.Locator("header.site nav").GetByRole(AriaRole.Link, new() { Name = "For you" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/papers/for-you$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("For you");
        var first = page.Locator("li.for-you-item").First;
        await Expect(first.Locator(".reason")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^close to "));
        var firstId = await first.GetAttributeAsync("data-paper-id");
        Assert.Contains(firstId, new[] { Asr, AudioLearners });
        await Expect(first.GetByRole(AriaRole.Button, new() { Name = "Not interested" })).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(375, 740);
        await page.ReloadAsync();
        await Expect(first.Locator(".reason")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await first.GetByRole(AriaRole.Button, new() { Name = "Not interested" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/papers/for-you$"));
        await Expect(page.Locator($"li.for-you-item[data-paper-id=\"{firstId}\"]")).ToHaveCountAsync(0);
        await Expect(page.Locator("li.for-you-item").First.Locator(".reason")).ToBeVisibleAsync();
        Assert.Empty(chromium.Dialogs);
    }
}
