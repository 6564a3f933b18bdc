using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Digest;
using Paperboy.Digest.Outbox;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Digest.DigestTestData;

namespace Paperboy.Tests.Digest.Outbox;

/// <summary>The outbox, claims and composing on both engines.</summary>
public abstract class DigestStorageTests(Engine engine)
{
    [Fact]
    public async Task ComposingTheSameDigestTwiceWritesEachMessageOnceAndRecordsItsMatches()
    {
        await using var app = await PaperboyFactory.StartAsync(engine, Settings(null));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        await AddPapersAsync(app, null, Paper("2608.00002", "Steering things"));
        var id = await AddSubscriberAsync(app, "a@example.org", DigestFrequency.Daily, "steering");
        await AddSubscriberAsync(app, "b@example.org");
        var composer = app.Services.GetRequiredService<DigestComposer>();
        var period = DigestPeriod.For(DigestFrequency.Daily, Tuesday, new DigestOptions())!;

        var first = await composer.ComposeAsync(period, dryRun: false, default);
        var second = await composer.ComposeAsync(period, dryRun: false, default);

        Assert.Equal((2, 1), (first.Messages, first.WatchlistMatches));
        Assert.Equal(0, second.Messages);
        var rows = await app.WithDbAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Recipient).ToListAsync());
        Assert.Equal(["a@example.org", "b@example.org"], rows.Select(r => r.Recipient));
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        Assert.Equal(["steering"], DigestContent.FromJson(rows[0].Content).Sections.Select(s => s.Query));
        var match = await app.WithDbAsync(db => db.Set<SentMatch>().SingleAsync());
        Assert.Equal((id, "2608.00002", "daily:2026-08-25"), (match.SubscriptionId, match.PaperId, match.DigestKey));
    }

    [Fact]
    public async Task AClaimIsExclusiveUntilItsLeaseRunsOut()
    {
        await using var app = await PaperboyFactory.StartAsync(engine, Settings(null));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        for (var i = 0; i < 5; i++) await AddSubscriberAsync(app, $"r{i}@example.org");
        await app.Services.GetRequiredService<DigestComposer>().ComposeAsync(DigestPeriod.For(DigestFrequency.Daily, Tuesday, new DigestOptions())!, false, default);
        var now = DateTime.UtcNow;

        var crashed = await app.WithDbAsync(db => OutboxClaims.ClaimAsync(db, "crashed", now, now.AddSeconds(1), 3, null, default));
        var other = await app.WithDbAsync(db => OutboxClaims.ClaimAsync(db, "other", now, now.AddMinutes(1), 10, null, default));
        var later = DateTime.UtcNow.AddSeconds(2);
        var recovered = await app.WithDbAsync(db => OutboxClaims.ClaimAsync(db, "next", later, later.AddMinutes(1), 10, null, default));

        Assert.Equal(3, crashed.Count);
        Assert.Equal(2, other.Count);
        Assert.Empty(crashed.Select(m => m.Id).Intersect(other.Select(m => m.Id)));
        Assert.Equal(crashed.Select(m => m.Id), recovered.Select(m => m.Id));
    }

    [Fact]
    public async Task TwoSendersAtOnceNeverSendTheSameMessage()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(engine, Settings(smtp,
            ("Paperboy:Digest:ClaimBatch", "3"), ("Paperboy:Digest:Connections", "3")));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        for (var i = 0; i < 60; i++) await AddSubscriberAsync(app, $"r{i:00}@example.org");
        await app.Services.GetRequiredService<DigestComposer>().ComposeAsync(DigestPeriod.For(DigestFrequency.Daily, Tuesday, new DigestOptions())!, false, default);
        var sender = app.Services.GetRequiredService<OutboxSender>();

        var results = await Task.WhenAll(sender.SendDueAsync(null, default), sender.SendDueAsync(null, default));

        Assert.Equal(60, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.True(r.Sent > 0, "both senders took part"));
        // Both senders have returned, so every message they sent was accepted, hence saved: the server's folder is final.
        var messages = await smtp.MessagesAsync();
        Assert.Equal(60, messages.Count);
        Assert.Equal(60, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(60, messages.Select(To).Distinct().Count());
        Assert.All(await app.WithDbAsync(db => db.Set<OutboxMessage>().ToListAsync()), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }
}

public sealed class SqliteDigestStorageTests() : DigestStorageTests(Engine.Sqlite);
public sealed class PostgresDigestStorageTests() : DigestStorageTests(Engine.Postgres);
