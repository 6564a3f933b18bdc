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

    [Fact]
    public async Task TheManageLinkInEveryMessageAddsAndRemovesWatchlistsAndChangesTheFrequencyWithoutSigningIn()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        await AddSubscriberAsync(app, "reader@example.org", DigestFrequency.Daily, "old topic");
        await RunAsync(app, Tuesday);
        var manage = LinkPath(Text((await smtp.WaitForMessagesAsync(1)).Single()), "/subscriptions/manage/");
        var client = app.CreateClient();

        var page = await client.GetStringAsync(manage);
        Assert.Contains("reader@example.org", page);
        Assert.Contains("old topic", page);

        var added = await PostAsync(client, manage, manage + "/watchlists", ("query", "cat:cs.LG  -diffusion"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode); // redirected back to the page
        Assert.Contains("cat:cs.LG -diffusion", await added.Content.ReadAsStringAsync());
        var bad = await PostAsync(client, manage, manage + "/watchlists", ("query", "-diffusion"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not only exclusions", await bad.Content.ReadAsStringAsync());
        var oldId = await app.WithDbAsync(db => db.Set<Watchlist>().Where(w => w.Query == "old topic").Select(w => w.Id).SingleAsync());
        await PostAsync(client, manage, $"{manage}/watchlists/{oldId}/delete");
        await PostAsync(client, manage, manage + "/frequency", ("frequency", "weekly"));

        var sub = await app.WithDbAsync(db => db.Set<Subscription>().Include(s => s.Watchlists).SingleAsync());
        Assert.Equal(["cat:cs.LG -diffusion"], sub.Watchlists.Select(w => w.Query));
        Assert.Equal(DigestFrequency.Weekly, sub.Frequency);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(manage + "0")).StatusCode);
        var noToken = await client.PostAsync(manage + "/frequency", new FormUrlEncodedContent([KeyValuePair.Create("frequency", "daily")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode); // antiforgery on every form
    }

    [Fact]
    public async Task ThePreviewIsForCuratorsOnlyStrangersAreSentToSignInAndMembersRefused()
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

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fdigest%2Fpreview%3Fdate%3D2026-08-25", anonymous.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("The Featured One", await refused.Content.ReadAsStringAsync());
        Assert.Contains("The Featured One", html);
        Assert.Contains("9 upvotes", html);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("2026-02-30", await badDate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync())); // previewing sends and records nothing
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
