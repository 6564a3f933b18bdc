using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Community;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Community;

public class UpvoteApiTests
{
    [Fact]
    public async Task AnUpvoteCountsOnceAddsToImportedVotesAndDeleteTakesItBack()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", importedUpvotes: 7);
        var (_, token) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, token);

        var first = await JsonAsync(await client.PostAsync("/api/papers/2409.01234/upvote", null));
        var again = await client.PostAsync("/api/papers/2409.01234/upvote", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(8, first.GetProperty("upvotes").GetInt32());
        Assert.True(first.GetProperty("upvoted").GetBoolean());
        Assert.Equal(8, (await JsonAsync(again)).GetProperty("upvotes").GetInt32());

        var back = await JsonAsync(await client.DeleteAsync("/api/papers/2409.01234/upvote"));
        var backAgain = await JsonAsync(await client.DeleteAsync("/api/papers/2409.01234/upvote"));
        Assert.False(back.GetProperty("upvoted").GetBoolean());
        Assert.Equal(7, backAgain.GetProperty("upvotes").GetInt32());
        var stored = await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask());
        Assert.Equal(0, stored!.LocalUpvotes);
        Assert.Equal(7, stored.ImportedUpvotes);
    }

    [Fact]
    public async Task OldStyleIdsWorkInTheUpvoteRoute()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "hep-th/9901001");
        var (_, token) = await AddUserAsync(app, "ada");

        var response = await ApiClient(app, token).PostAsync("/api/papers/hep-th/9901001/upvote", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hep-th/9901001", (await JsonAsync(response)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task VotingWithoutATokenOrWithABadOneIs401WithAProblemBody()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");

        var none = await ApiClient(app, null).PostAsync("/api/papers/2409.01234/upvote", null);
        var bad = await ApiClient(app, token[..^3] + "AAA").PostAsync("/api/papers/2409.01234/upvote", null);
        var garbage = await ApiClient(app, "not-a-token").DeleteAsync("/api/papers/2409.01234/upvote");

        foreach (var r in new[] { none, bad, garbage })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
            Assert.Equal("Sign-in required", (await JsonAsync(r)).GetProperty("title").GetString());
        }
        Assert.Equal(0, (await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask()))!.LocalUpvotes);
    }

    [Fact]
    public async Task ARevokedTokenNoLongerWorks()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (user, token) = await AddUserAsync(app, "ada");
        await app.WithDbAsync(async db =>
        {
            var store = new ApiTokenStore(db, app.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>(),
                app.Services.GetRequiredService<ClusterSignals>());
            var listed = Assert.Single(await store.ListAsync(user.Id, default));
            Assert.True(await store.RevokeAsync(user.Id, listed.Id, default));
        });

        var response = await ApiClient(app, token).PostAsync("/api/papers/2409.01234/upvote", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task VotingForAnUnknownPaperIs404NamingIt()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var (_, token) = await AddUserAsync(app, "ada");

        var response = await ApiClient(app, token).PostAsync("/api/papers/2409.99999/upvote", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("There is no paper 2409.99999 here.", body.GetProperty("detail").GetString());
        Assert.Equal(["There is no paper 2409.99999 here."], body.GetProperty("errors").GetProperty("id").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task TooManyVotesAre429WithRetryAfter()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>
        {
            ["Paperboy:RateLimits:Votes"] = "3", ["Paperboy:RateLimits:VotesWindowSeconds"] = "60",
        });
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");
        var (_, other) = await AddUserAsync(app, "bob");
        var client = ApiClient(app, token);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/papers/2409.01234/upvote", null)).StatusCode);
        var limited = await client.PostAsync("/api/papers/2409.01234/upvote", null);
        var someoneElse = await ApiClient(app, other).PostAsync("/api/papers/2409.01234/upvote", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("Too many requests", (await JsonAsync(limited)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }
}
