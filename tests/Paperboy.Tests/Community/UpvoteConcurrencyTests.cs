using System.Net;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Community;

public abstract class UpvoteConcurrencyTests(Engine engine)
{
    [Fact]
    public async Task AHundredPeopleVotingAtOnceGiveAHundredVotesAndTakingThemBackGivesNone()
    {
        await using var app = await PaperboyFactory.StartAsync(engine, new Dictionary<string, string?> { ["Paperboy:RateLimits:Votes"] = "1000" });
        await AddPaperAsync(app, "2409.01234", importedUpvotes: 5);
        var tokens = new List<string>();
        for (var i = 0; i < 100; i++) tokens.Add((await AddUserAsync(app, $"voter{i}")).Token);
        var clients = tokens.Select(t => ApiClient(app, t)).ToList();

        // Each votes twice at once: the duplicate must not count.
        var votes = await Task.WhenAll(clients.Concat(clients).Select(c => c.PostAsync("/api/papers/2409.01234/upvote", null)));

        Assert.All(votes, v => Assert.Equal(HttpStatusCode.OK, v.StatusCode));
        var paper = await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask());
        Assert.Equal(100, paper!.LocalUpvotes);
        Assert.Equal(105, paper.Upvotes);
        Assert.Equal(100, await app.WithDbAsync(db => db.Set<Upvote>().CountAsync()));

        var unvotes = await Task.WhenAll(clients.Concat(clients).Select(c => c.DeleteAsync("/api/papers/2409.01234/upvote")));

        Assert.All(unvotes, v => Assert.Equal(HttpStatusCode.OK, v.StatusCode));
        paper = await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask());
        Assert.Equal(0, paper!.LocalUpvotes);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Upvote>().CountAsync()));
    }
}

public sealed class SqliteUpvoteConcurrencyTests() : UpvoteConcurrencyTests(Engine.Sqlite);
public sealed class PostgresUpvoteConcurrencyTests() : UpvoteConcurrencyTests(Engine.Postgres);
