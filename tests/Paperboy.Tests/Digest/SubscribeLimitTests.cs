using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Digest;

/// <summary>One client cannot make the hub mail a crowd of strangers: subscription requests are limited per client, as sign-in links are.</summary>
public class SubscribeLimitTests
{
    [Fact]
    public async Task SubscriptionRequestsBeyondThePerClientLimitAre429AndMailNobody()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:RateLimits:SignInPerClient"] = "3" });
        var client = app.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            answers.Add((await client.PostAsJsonAsync("/api/subscriptions", new { email = $"stranger{i}@example.org" })).StatusCode);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<Subscription>().CountAsync()));
    }
}
