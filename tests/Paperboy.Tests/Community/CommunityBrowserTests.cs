using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Paperboy.Tests.Community.CommunityTestData;
using static Paperboy.Tests.Community.SignInBrowserTests;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Community;

public class CommunityBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task AnUpvoteChangesTheCountSurvivesAReloadAndASecondPressTakesItBack()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "Attention is all you need, again", DateOnly.FromDateTime(DateTime.UtcNow), importedUpvotes: 41);
        await AddUserAsync(app, "ada");
        var page = await chromium.NewPageAsync(app.ServerAddress);
        await BrowserSignInAsync(app, page, "ada@example.org");

        await page.GotoAsync("/papers/2409.01234/discussion");
        var button = page.Locator("button.upvote");
        await Expect(button.Locator(".count")).ToHaveTextAsync("41");
        await button.ClickAsync();
        await Expect(button.Locator(".count")).ToHaveTextAsync("42");
        await page.ReloadAsync();
        await Expect(button.Locator(".count")).ToHaveTextAsync("42");
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GotoAsync("/papers/trending");
        await Expect(page.Locator("[data-paper-id='2409.01234'] button.upvote .count")).ToHaveTextAsync("42");
        await page.Locator("[data-paper-id='2409.01234'] button.upvote").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/papers/trending$"));
        await Expect(page.Locator("[data-paper-id='2409.01234'] button.upvote .count")).ToHaveTextAsync("41");
    }

    [Fact]
    public async Task APersonCommentsAnotherRepliesUnderItAndTheAuthorDeletesLeavingAPlaceholder()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "A paper to discuss", DateOnly.FromDateTime(DateTime.UtcNow));
        await AddUserAsync(app, "ada");
        await AddUserAsync(app, "bob");
        var ada = await chromium.NewPageAsync(app.ServerAddress);
        var bob = await chromium.NewPageAsync(app.ServerAddress);
        await BrowserSignInAsync(app, ada, "ada@example.org");
        await BrowserSignInAsync(app, bob, "bob@example.org");

        await ada.GotoAsync("/papers/2409.01234/discussion");
        await ada.GetByLabel("Your comment (Markdown)").FillAsync("Does this hold for *small* models?");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await Expect(ada.Locator("article.comment em")).ToHaveTextAsync("small");

        await bob.GotoAsync("/papers/2409.01234/discussion");
        await bob.Locator("article.comment summary", new() { HasText = "Reply" }).ClickAsync();
        await bob.Locator("article.comment").GetByLabel("Reply").FillAsync("Yes, see section 4.");
        await bob.Locator("article.comment").GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await Expect(bob.Locator("article.comment .replies article.comment .comment-body")).ToHaveTextAsync("Yes, see section 4.");
        await Expect(bob.Locator("h2", new() { HasText = "Discussion" })).ToHaveTextAsync("Discussion (2)");

        await ada.ReloadAsync();
        await ada.Locator("article.comment").First.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(ada.Locator("article.comment .placeholder")).ToHaveTextAsync("[deleted]");
        await Expect(ada.Locator(".replies .comment-body")).ToHaveTextAsync("Yes, see section 4.");
        await Expect(ada.Locator("h2", new() { HasText = "Discussion" })).ToHaveTextAsync("Discussion (1)");
    }

    [Fact]
    public async Task AMemberSubmitsAnArxivLinkAndThePaperIsOnTodaysListUnderTheirName()
    {
        await using var arxiv = await ArxivApiAsync();
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite, new Dictionary<string, string?>
        {
            ["Paperboy:Sources:Arxiv:ApiBaseUrl"] = new Uri(arxiv.BaseAddress, "api/query").ToString(),
        ["Paperboy:Sources:Arxiv:RequestInterval"] = "00:00:00.010",
            ["Paperboy:Community:SubmissionMaxAgeDays"] = "100000",
        });
        await AddUserAsync(app, "ada");
        var page = await chromium.NewPageAsync(app.ServerAddress);
        await BrowserSignInAsync(app, page, "ada@example.org");

        await page.GetByRole(AriaRole.Link, new() { Name = "Submit" }).ClickAsync();
        await page.GetByLabel("arXiv id or link").FillAsync("https://arxiv.org/abs/quant-ph/0201082v1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is on today's list under your name");

        await page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/papers/quant-ph/0201082/discussion$"));
        await Expect(page.Locator(".paper .muted")).ToContainTextAsync($"featured on {DateTime.UtcNow:yyyy-MM-dd} by @ada");

        await page.GotoAsync("/papers/submit");
        await page.GetByLabel("arXiv id or link").FillAsync("quant-ph/0201082");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"quant-ph/0201082 is already on the list of {DateTime.UtcNow:yyyy-MM-dd}.");
    }
}
