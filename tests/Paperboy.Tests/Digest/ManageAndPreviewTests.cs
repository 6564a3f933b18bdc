using System.Net;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Community;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Digest.DigestTestData;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Digest;

public class ManageAndPreviewTests
{
    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pagePath, string action, params (string, string)[] fields)
    {
        var token = FormToken(await client.GetStringAsync(pagePath));
        return await client.PostAsync(action, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
    }

    /// <summary>What the manage page answered, the subscription stored after its forms, and two requests that must fail.</summary>
    sealed record ManageVisit(string Page, HttpStatusCode Added, string AddedPage, HttpStatusCode Bad, string BadPage,
        List<string> Watchlists, DigestFrequency Frequency, HttpStatusCode AlteredLink, HttpStatusCode NoToken);

    /// <summary>
    /// A daily reader watching "old topic" follows the manage link of Tuesday's digest, without signing in: adds a watch-list,
    /// adds one of only exclusions, removes "old topic", switches to weekly; then opens an altered link and posts without a token.
    /// </summary>
    static async Task<ManageVisit> FollowTheManageLinkAsync()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        await AddSubscriberAsync(app, "reader@example.org", DigestFrequency.Daily, "old topic");
        await RunAsync(app, Tuesday);
        var manage = LinkPath(Text((await smtp.WaitForMessagesAsync(1)).Single()), "/subscriptions/manage/");
        var client = app.CreateClient();

        var page = await client.GetStringAsync(manage);
        var added = await PostAsync(client, manage, manage + "/watchlists", ("query", "cat:cs.LG  -diffusion"));
        var bad = await PostAsync(client, manage, manage + "/watchlists", ("query", "-diffusion"));
        var oldId = await app.WithDbAsync(db => db.Set<Watchlist>().Where(w => w.Query == "old topic").Select(w => w.Id).SingleAsync());
        await PostAsync(client, manage, $"{manage}/watchlists/{oldId}/delete");
        await PostAsync(client, manage, manage + "/frequency", ("frequency", "weekly"));

        var sub = await app.WithDbAsync(db => db.Set<Subscription>().Include(s => s.Watchlists).SingleAsync());
        var altered = await client.GetAsync(manage + "0");
        var noToken = await client.PostAsync(manage + "/frequency", new FormUrlEncodedContent([KeyValuePair.Create("frequency", "daily")]));
        return new(page, added.StatusCode, await added.Content.ReadAsStringAsync(), bad.StatusCode, await bad.Content.ReadAsStringAsync(),
            [.. sub.Watchlists.Select(w => w.Query)], sub.Frequency, altered.StatusCode, noToken.StatusCode);
    }

    [Fact]
    public async Task TheManageLinkInAMessageShowsTheSubscriptionAndItsWatchlistsWithoutSigningIn()
    {
        var visit = await FollowTheManageLinkAsync();

        Assert.Contains("reader@example.org", visit.Page);
        Assert.Contains("old topic", visit.Page);
    }

    [Fact]
    public async Task AddingAWatchlistOnTheManagePageLeadsBackToItShowingTheQueryTidied()
    {
        var visit = await FollowTheManageLinkAsync();

        Assert.Equal(HttpStatusCode.OK, visit.Added); // redirected back to the page
        Assert.Contains("cat:cs.LG -diffusion", visit.AddedPage);
    }

    [Fact]
    public async Task AWatchlistOfOnlyExclusionsIsRefusedOnTheManagePageWithTheReason()
    {
        var visit = await FollowTheManageLinkAsync();

        Assert.Equal(HttpStatusCode.BadRequest, visit.Bad);
        Assert.Contains("not only exclusions", visit.BadPage);
    }

    [Fact]
    public async Task TheManagePageKeepsTheAddedWatchlistAndDropsTheRemovedOne()
    {
        var visit = await FollowTheManageLinkAsync();

        Assert.Equal(["cat:cs.LG -diffusion"], visit.Watchlists);
    }

    [Fact]
    public async Task TheManagePageChangesTheFrequency()
    {
        var visit = await FollowTheManageLinkAsync();

        Assert.Equal(DigestFrequency.Weekly, visit.Frequency);
    }

    [Fact]
    public async Task AnAlteredManageLinkIsNotFound()
    {
        var visit = await FollowTheManageLinkAsync();

        Assert.Equal(HttpStatusCode.NotFound, visit.AlteredLink);
    }

    [Fact]
    public async Task AManagePageFormPostedWithoutItsAntiforgeryTokenIsRefused()
    {
        var visit = await FollowTheManageLinkAsync();

        Assert.Equal(HttpStatusCode.BadRequest, visit.NoToken); // antiforgery on every form
    }

    /// <summary>What each visitor got from the preview of Tuesday 25 August 2026, and the outbox rows after all of them.</summary>
    sealed record PreviewVisits(HttpStatusCode Anonymous, string? AnonymousLocation, HttpStatusCode Refused, string RefusedPage, string Html,
        HttpStatusCode BadDate, string BadDatePage, HttpStatusCode Nobody, int OutboxRows);

    /// <summary>
    /// Monday featured "The Featured One" (9 upvotes). A stranger, the member Ada and the curator Cora open the preview;
    /// Cora also asks for an impossible date and for an address with no subscription.
    /// </summary>
    static async Task<PreviewVisits> OpenThePreviewAsync()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(null));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "The Featured One", upvotes: 9));
        await AddUserAsync(app, "ada");
        await AddUserAsync(app, "cora", UserRole.Curator);
        var stranger = app.CreateClient(new() { AllowAutoRedirect = false });
        var member = app.CreateClient();
        await SignInAsync(app, member, "ada@example.org");
        var curator = app.CreateClient();
        await SignInAsync(app, curator, "cora@example.org");

        var anonymous = await stranger.GetAsync("/digest/preview?date=2026-08-25");
        var refused = await member.GetAsync("/digest/preview?date=2026-08-25");
        var html = await curator.GetStringAsync("/digest/preview?date=2026-08-25");
        var badDate = await curator.GetAsync("/digest/preview?date=2026-02-30");
        var nobody = await curator.GetAsync("/digest/preview?date=2026-08-25&email=nobody@example.org");

        return new(anonymous.StatusCode, anonymous.Headers.Location?.OriginalString, refused.StatusCode, await refused.Content.ReadAsStringAsync(),
            html, badDate.StatusCode, await badDate.Content.ReadAsStringAsync(), nobody.StatusCode,
            await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task AStrangerIsSentToSignInAndBackToThePreview()
    {
        var visits = await OpenThePreviewAsync();

        Assert.Equal(HttpStatusCode.Redirect, visits.Anonymous);
        Assert.Equal("/signin?returnUrl=%2Fdigest%2Fpreview%3Fdate%3D2026-08-25", visits.AnonymousLocation);
    }

    [Fact]
    public async Task AMemberIsRefusedThePreviewAndSeesNoneOfIt()
    {
        var visits = await OpenThePreviewAsync();

        Assert.Equal(HttpStatusCode.Forbidden, visits.Refused);
        Assert.DoesNotContain("The Featured One", visits.RefusedPage);
    }

    [Fact]
    public async Task ACuratorPreviewsTheDaysFeaturedPapersWithTheirUpvotes()
    {
        var visits = await OpenThePreviewAsync();

        Assert.Contains("The Featured One", visits.Html);
        Assert.Contains("9 upvotes", visits.Html);
    }

    [Fact]
    public async Task APreviewOfAnImpossibleDateIsABadRequestNamingTheDate()
    {
        var visits = await OpenThePreviewAsync();

        Assert.Equal(HttpStatusCode.BadRequest, visits.BadDate);
        Assert.Contains("2026-02-30", visits.BadDatePage);
    }

    [Fact]
    public async Task APreviewForAnAddressWithoutASubscriptionIsNotFound()
    {
        var visits = await OpenThePreviewAsync();

        Assert.Equal(HttpStatusCode.NotFound, visits.Nobody);
    }

    [Fact]
    public async Task PreviewingSendsAndRecordsNothing()
    {
        var visits = await OpenThePreviewAsync();

        Assert.Equal(0, visits.OutboxRows); // previewing sends and records nothing
    }

    [Fact]
    public async Task ACuratorPreviewsExactlyTheMessageThatGoesOutToASubscriber()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "The Featured One", upvotes: 9));
        await AddPapersAsync(app, null, Paper("2608.00002", "Steering Again"), Paper("2608.00003", "Steered Elsewhere"));
        await AddSubscriberAsync(app, "reader@example.org", DigestFrequency.Daily, "steering");
        await AddUserAsync(app, "cora", UserRole.Curator);
        var curator = app.CreateClient();
        await SignInAsync(app, curator, "cora@example.org");

        var text = await curator.GetStringAsync("/digest/preview?date=2026-08-25&format=text&email=reader@example.org");
        var html = await curator.GetStringAsync("/digest/preview?date=2026-08-25&email=Reader@example.org");
        await RunAsync(app, Tuesday);
        var sent = (await smtp.WaitForMessagesAsync(1)).Single();
        var after = await curator.GetStringAsync("/digest/preview?date=2026-08-25&format=text&email=reader@example.org");

        Assert.Contains("New on your watch-list \"steering\"", text);
        Assert.Contains("Steered Elsewhere", text); // the same stemmed search as /search
        Assert.Equal(Lines(Text(sent)), Lines(text));
        Assert.Equal(Lines(Html(sent)), Lines(html));
        Assert.Equal(Lines(text), Lines(after)); // once composed, the preview is the outbox row itself
    }

    static string Lines(string s) => s.Replace("\r\n", "\n").TrimEnd();
}
