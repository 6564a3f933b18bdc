using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Paperboy.Tests.Community.CommunityTestData;
using static Paperboy.Tests.Community.SignInBrowserTests;

namespace Paperboy.Tests.Papers.Following;

public sealed class FollowingInChromiumTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task AReaderFollowsAnOrganisationFromAPaperAndSeesItsPaperUnderFollowingOnDesktopAndPhone()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        await FollowingTests.ImportHfAsync(app, "2026-08-21");
        // The recorded day is months old; the Following tab shows the last 14 days: list it today, as if HF featured it now.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.WithDbAsync(db => db.Set<FeaturedPaper>().ExecuteUpdateAsync(s => s.SetProperty(f => f.Day, today)));
        app.Services.GetRequiredService<DataVersion>().Bump();
        await AddUserAsync(app, "ada");
        var page = await chromium.NewPageAsync(app.ServerAddress);
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserSignInAsync(app, page, "ada@example.org");

        await page.GotoAsync("/papers/2608.19758");
        await page.Locator(".organization a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/orgs/tencent$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tencent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Following", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".followers")).ToHaveTextAsync("1 follower");

        await page.Locator("header.site").GetByRole(AriaRole.Link, new() { Name = "Following" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/papers/following$"));
        var entry = page.Locator(".following-papers article[data-paper-id='2608.19758']");
        await Expect(entry.Locator("h3")).ToContainTextAsync("FlashPrefill V2");
        await Expect(entry).ToContainTextAsync("from Tencent (org)");

        // On a phone both pages fit the screen's width and keep what they say.
        await page.SetViewportSizeAsync(375, 800);
        await page.ReloadAsync();
        await Expect(entry).ToContainTextAsync("from Tencent (org)");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.GotoAsync("/orgs/tencent");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Following", Exact = true })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(chromium.Dialogs);
    }
}
