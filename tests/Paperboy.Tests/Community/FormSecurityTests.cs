using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Community;

public class FormSecurityTests
{
    [Fact]
    public async Task EveryFormPostWithoutAnAntiforgeryTokenIs400AndChangesNothing()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", featuredOn: new DateOnly(2026, 8, 21));
        var (user, token) = await AddUserAsync(app, "cora", UserRole.Curator);
        var commentId = (await JsonAsync(await ApiClient(app, token).PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "hi" }))).GetProperty("id").GetInt64();
        var tokenId = await app.WithDbAsync(db => db.Set<ApiToken>().Select(t => t.Id).FirstAsync());
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(app, client, "cora@example.org");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "cora@example.org", ["token"] = "sl1_x", ["name"] = "t", ["text"] = "changed", ["id"] = "1605.08386", ["day"] = "2026-08-22",
            ["returnUrl"] = "/",
        });

        foreach (var path in new[]
                 {
                     "/signin", "/signin/link", "/signout", "/account/signout-everywhere", "/account/tokens", $"/account/tokens/{tokenId}/revoke",
                     "/papers/2409.01234/upvote", "/papers/2409.01234/comments", $"/comments/{commentId}/edit", $"/comments/{commentId}/delete",
                     $"/comments/{commentId}/hide", "/papers/submit", "/papers/2409.01234/feature", "/papers/2409.01234/unfeature",
                     "/papers/2409.01234/hide", "/papers/2409.01234/unhide",
                 })
        {
            var response = await client.PostAsync(path, form);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token answered {(int)response.StatusCode}");
        }

        var paper = await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask());
        Assert.Equal((0, 1, false), (paper!.LocalUpvotes, paper.CommentCount, paper.Hidden));
        Assert.Equal("hi", (await app.WithDbAsync(db => db.Set<Comment>().SingleAsync())).Text);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ApiToken>().CountAsync(t => t.RevokedAt == null)));
        Assert.Equal(new DateOnly(2026, 8, 21), await app.WithDbAsync(db => db.Set<FeaturedPaper>().Select(f => f.Day).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode); // still signed in
        Assert.Equal(user.SecurityStamp, (await app.WithDbAsync(db => db.Set<User>().SingleAsync())).SecurityStamp);
    }

    [Fact]
    public async Task OpeningASignInLinkWithGetDoesNotUseItUp()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddUserAsync(app, "ada");
        var token = await SignInTokenAsync(app, "ada@example.org");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await client.GetAsync($"/signin/link?token={Uri.EscapeDataString(token)}");
        var page = await client.GetStringAsync($"/signin/link?token={Uri.EscapeDataString(token)}");
        var post = await client.PostAsync("/signin/link", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/account", post.Headers.Location!.OriginalString);
        // A GET of a vote's address never votes (the paper pages' catch-all answers it as an unknown id).
        Assert.True((int)(await client.GetAsync("/papers/2409.01234/upvote")).StatusCode is 404 or 405);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Upvote>().CountAsync()));
    }

    [Fact]
    public async Task TheAnswerToSendMeALinkIsTheSameForKnownAndUnknownAddresses()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, smtp.Settings);
        await AddUserAsync(app, "ada");

        var known = await RequestLinkAsync(app, "ada@example.org");
        var unknown = await RequestLinkAsync(app, "nobody@example.org");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(2, (await smtp.WaitForMessagesAsync(2)).Count);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<User>().CountAsync())); // the stranger's account waits for the link
    }

    [Fact]
    public async Task SignInRequestsAreLimitedPerAddressAndPerClientWith429AndRetryAfter()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>
        {
            ["Paperboy:RateLimits:SignInPerAddress"] = "2", ["Paperboy:RateLimits:SignInPerClient"] = "4", ["Paperboy:RateLimits:SignInWindowSeconds"] = "600",
        });

        Assert.Equal(HttpStatusCode.OK, (await RequestLinkAsync(app, "ada@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestLinkAsync(app, "ADA@example.org")).StatusCode);
        var perAddress = await RequestLinkAsync(app, "ada@example.org");
        Assert.Equal(HttpStatusCode.TooManyRequests, perAddress.StatusCode);
        Assert.InRange(int.Parse(perAddress.Headers.GetValues("Retry-After").Single()), 1, 600);
        Assert.Contains("Too many links were sent to this address", await perAddress.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await RequestLinkAsync(app, "bob@example.org")).StatusCode);
        var perClient = await RequestLinkAsync(app, "carol@example.org");
        Assert.Equal(HttpStatusCode.TooManyRequests, perClient.StatusCode);
        Assert.True(perClient.Headers.Contains("Retry-After"));
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<SignInLink>().CountAsync()));
    }

    [Fact]
    public async Task CommentsAndSubmissionsAreRateLimitedPerPerson()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>
        {
            ["Paperboy:RateLimits:Comments"] = "2", ["Paperboy:RateLimits:Submissions"] = "1",
        });
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, token);

        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "hi" })).StatusCode);
        var comment = await client.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "hi" });
        await client.PostAsJsonAsync("/api/papers/submit", new { id = "x" });
        var submission = await client.PostAsJsonAsync("/api/papers/submit", new { id = "x" });

        Assert.Equal(HttpStatusCode.TooManyRequests, comment.StatusCode);
        Assert.True(comment.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, submission.StatusCode);
        Assert.Equal(2, (await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask()))!.CommentCount);
    }

    [Fact]
    public async Task DataProtectionKeysLiveInTheDatabaseSoEveryInstanceReadsTheSameCookies()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddUserAsync(app, "ada");

        await SignInAsync(app, app.CreateClient(), "ada@example.org");

        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }
}
