using Microsoft.Extensions.DependencyInjection;
using Paperboy.Community;
using Paperboy.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Paperboy.Tests.Community.CommunityTestData;
using static Paperboy.Tests.Community.SignInBrowserTests;

namespace Paperboy.Tests.Community;

public class HostileTextTests(Chromium chromium) : IClassFixture<Chromium>
{
    const string Title = "<script>alert('title')</script>Robust <b>bold";
    const string Author = "<img src=x onerror=alert('author')>";
    const string Abstract = "Broken <i>html <a href=\"javascript:alert('abstract')\">click</a> <svg onload=alert('svg')>";
    const string CommentText = "<script>alert('comment')</script> [click me](javascript:alert('link')) ![pic](data:text/html,<script>alert(1)</script>) <img src=x onerror=alert('img')> [fine](https://example.org)";

    [Fact]
    public async Task ScriptsInTitlesAuthorsAbstractsAndCommentsAreShownAsTextAndNeverRun()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", Title, DateOnly.FromDateTime(DateTime.UtcNow), importedUpvotes: 3, authors: [Author, "Grace Hopper"], abstractText: Abstract);
        var (user, _) = await AddUserAsync(app, "mallory");
        await app.WithDbAsync(async db => await app.Services.CreateScope().ServiceProvider.GetRequiredService<CommentStore>().AddAsync(user.Id, "2409.01234", null, CommentText, default));
        await app.WithDbAsync(async db => await new UpvoteStore(db, app.Services.GetRequiredService<UpvoteWriter>(), app.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>()).AddAsync(user.Id, "2409.01234", default));
        var page = await chromium.NewPageAsync(app.ServerAddress);
        await BrowserSignInAsync(app, page, "mallory@example.org");

        var response = await page.GotoAsync("/papers/2409.01234/discussion");

        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
        await Expect(page.Locator("h1.paper-title")).ToHaveTextAsync(Title);
        await Expect(page.Locator(".paper .authors")).ToHaveTextAsync($"{Author}, Grace Hopper");
        await Expect(page.Locator(".paper .abstract")).ToHaveTextAsync(Abstract);
        var body = page.Locator(".comment-body");
        await Expect(body).ToContainTextAsync("<script>alert('comment')</script>");
        await Expect(body).ToContainTextAsync("<img src=x onerror=alert('img')>");
        Assert.Equal(0, await body.Locator("img, script").CountAsync());
        Assert.Equal(["https://example.org"], await body.Locator("a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"));
        Assert.Equal("nofollow ugc", await body.Locator("a").GetAttributeAsync("rel"));
        await body.GetByText("click me").ClickAsync();

        foreach (var path in new[] { "/papers/trending", "/u/mallory", "/account" })
        {
            var r = await page.GotoAsync(path);
            Assert.Contains("default-src 'self'", (await r!.AllHeadersAsync())["content-security-policy"]);
            if (path != "/account") await Expect(page.Locator("[data-paper-id='2409.01234'] :is(.entry-title, h3)").First).ToHaveTextAsync(Title);
        }
        await page.WaitForTimeoutAsync(200);
        Assert.Empty(chromium.Dialogs);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('img').length"));
    }
}
