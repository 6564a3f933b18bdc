using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Paperboy.Digest.Watchlists;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Paperboy.Tests.Community.CommunityTestData;
using static Paperboy.Tests.Digest.DigestTestData;

namespace Paperboy.Tests.Digest.Watchlists;

/// <summary>Watch-lists on the account page and in the API when signed in: the subscription with the account's email.</summary>
public class AccountWatchlistTests
{
    static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string action, params (string, string)[] fields)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/account"));
        return await client.PostAsync(action, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
    }

    /// <summary>What the account page answered, and the watch-lists stored at the end.</summary>
    sealed record AccountPageVisit(string Page, HttpStatusCode Added, string AddedPage, HttpStatusCode Bad, string BadPage,
        HttpStatusCode Removed, HttpStatusCode NotMine, List<string> Lists);

    /// <summary>
    /// Ada, signed in, with a weekly digest watching "old topic" (Bob's daily one watches "bob's topic"), opens her account page,
    /// adds a watch-list, adds one with a bad date, removes "old topic", then tries to remove Bob's.
    /// </summary>
    static async Task<AccountPageVisit> VisitTheAccountPageAsync()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(null));
        await AddUserAsync(app, "ada");
        await AddSubscriberAsync(app, "ada@example.org", DigestFrequency.Weekly, "old topic");
        var otherId = await AddSubscriberAsync(app, "bob@example.org", DigestFrequency.Daily, "bob's topic");
        var client = app.CreateClient();
        await SignInAsync(app, client, "ada@example.org");

        var page = await client.GetStringAsync("/account");
        var added = await PostFormAsync(client, "/account/watchlists", ("query", "  cat:cs.LG   -diffusion "));
        var bad = await PostFormAsync(client, "/account/watchlists", ("query", "steering since:2026-13-01"));
        var oldId = await app.WithDbAsync(db => db.Set<Watchlist>().Where(w => w.Query == "old topic").Select(w => w.Id).SingleAsync());
        var removed = await PostFormAsync(client, $"/account/watchlists/{oldId}/delete");
        var bobsId = await app.WithDbAsync(db => db.Set<Watchlist>().Where(w => w.SubscriptionId == otherId).Select(w => w.Id).SingleAsync());
        var notMine = await PostFormAsync(client, $"/account/watchlists/{bobsId}/delete");

        var lists = await app.WithDbAsync(db => db.Set<Watchlist>().OrderBy(w => w.Id).Select(w => w.Query).ToListAsync());
        return new(page, added.StatusCode, await added.Content.ReadAsStringAsync(), bad.StatusCode, await bad.Content.ReadAsStringAsync(),
            removed.StatusCode, notMine.StatusCode, lists);
    }

    [Fact]
    public async Task TheAccountPageShowsTheDigestOfTheAccountsEmailWithItsFrequencyAndWatchlists()
    {
        var visit = await VisitTheAccountPageAsync();

        Assert.Contains("Email digest and watch-lists", visit.Page);
        Assert.Contains("every Monday", visit.Page);
        Assert.Contains("old topic", visit.Page);
    }

    [Fact]
    public async Task AddingAWatchlistOnTheAccountPageLeadsBackToItShowingTheQueryTidied()
    {
        var visit = await VisitTheAccountPageAsync();

        Assert.Equal(HttpStatusCode.OK, visit.Added); // redirected back to the account page
        Assert.Contains("cat:cs.LG -diffusion", visit.AddedPage);
    }

    [Fact]
    public async Task AWatchlistWithBadSyntaxIsRefusedWithTheReasonAndItsTextKeptToFix()
    {
        var visit = await VisitTheAccountPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, visit.Bad);
        Assert.Contains("since: wants a date such as since:2026-01-01, not &#x27;2026-13-01&#x27;.", visit.BadPage);
        Assert.Contains("value=\"steering since:2026-13-01\"", visit.BadPage); // the text is kept to fix
    }

    [Fact]
    public async Task RemovingOnesOwnWatchlistOnTheAccountPageLeadsBackToIt()
    {
        var visit = await VisitTheAccountPageAsync();

        Assert.Equal(HttpStatusCode.OK, visit.Removed);
    }

    [Fact]
    public async Task RemovingSomeoneElsesWatchlistIsNotFound()
    {
        var visit = await VisitTheAccountPageAsync();

        Assert.Equal(HttpStatusCode.NotFound, visit.NotMine);
    }

    [Fact]
    public async Task TheAccountPageChangesOnlyTheWatchlistsOfTheSubscriptionWithTheAccountsEmail()
    {
        var visit = await VisitTheAccountPageAsync();

        Assert.Equal(["bob's topic", "cat:cs.LG -diffusion"], visit.Lists);
    }

    [Fact]
    public async Task AnAccountWithoutAConfirmedSubscriptionIsAskedToSubscribeFirst()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(null));
        await AddUserAsync(app, "ada");
        var client = app.CreateClient();
        await SignInAsync(app, client, "ada@example.org");

        var page = await client.GetStringAsync("/account");
        var add = await PostFormAsync(client, "/account/watchlists", ("query", "steering"));

        Assert.Contains("ada@example.org gets no digest.", page);
        Assert.Contains("href=\"/subscribe?email=ada%40example.org\"", page);
        Assert.Equal(HttpStatusCode.Conflict, add.StatusCode);
        Assert.Contains("Subscribe first", await add.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Watchlist>().CountAsync()));
    }

    [Fact]
    public async Task TheApiListsAddsAndRemovesWatchlistsAndAnswersBadSyntaxWithAProblemNamingTheQuery()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(null));
        var (_, token) = await AddUserAsync(app, "ada");
        var (_, stranger) = await AddUserAsync(app, "bob");
        await AddSubscriberAsync(app, "ada@example.org");
        var client = ApiClient(app, token);

        var created = await client.PostAsJsonAsync("/api/account/watchlists", new { query = "\"activation steering\"  author:hinton" });
        var bad = await client.PostAsJsonAsync("/api/account/watchlists", new { query = "-diffusion" });
        var list = await client.GetFromJsonAsync<WatchlistResponse[]>("/api/account/watchlists");
        var notSubscribed = await ApiClient(app, stranger).PostAsJsonAsync("/api/account/watchlists", new { query = "steering" });
        var anonymous = await ApiClient(app, null).GetAsync("/api/account/watchlists");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = (await created.Content.ReadFromJsonAsync<WatchlistResponse>())!;
        Assert.Equal("\"activation steering\" author:hinton", item.Query);
        Assert.Equal([item], list);
        await Community.CommentApiTests.AssertProblem(bad, 400, "query",
            "A watch-list needs something to look for (a word, \"phrase\", author: or cat:), not only exclusions (-word) or dates.");
        Assert.Equal(409, (int)notSubscribed.StatusCode);
        Assert.Equal("application/problem+json", notSubscribed.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/account/watchlists/{item.Id}")).StatusCode);
        await Community.CommentApiTests.AssertProblem(await client.DeleteAsync($"/api/account/watchlists/{item.Id}"), 404, "id",
            $"No watch-list {item.Id} on this account.");
    }
}

public sealed class AccountWatchlistsInChromiumTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task ASignedInReaderAddsAWatchlistOnTheAccountPageSeesABadOneExplainedAndRemovesIt()
    {
        await using var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite, Settings(null));
        await AddUserAsync(app, "ada");
        await AddSubscriberAsync(app, "ada@example.org");
        var page = await chromium.NewPageAsync(app.ServerAddress);
        await Community.SignInBrowserTests.BrowserSignInAsync(app, page, "ada@example.org");

        await page.GotoAsync("/account");
        await page.GetByLabel("Add a watch-list").FillAsync("\"activation steering\" -diffusion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator("ul.watchlists .query")).ToHaveTextAsync(["\"activation steering\" -diffusion"]);
        await page.GetByLabel("Add a watch-list").FillAsync("-survey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator("#watchlists [role=alert]")).ToContainTextAsync("not only exclusions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove \"activation steering\" -diffusion" }).ClickAsync();

        await Expect(page.Locator("#watchlists")).ToContainTextAsync("No watch-lists yet.");
        Assert.Empty(chromium.Dialogs);
    }
}
