using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Paperboy.Digest.Outbox;
using Paperboy.Discovery;
using Paperboy.Jobs;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Digest;

/// <summary>
/// Writes one outbox row per subscriber for a digest, with the watch-list matches it carries, before anything is sent.
/// Composing the same digest again adds rows only for subscribers who have none yet. A subscriber with an account
/// (the same email) gets a "For you" section too, when their recommendations have papers the message does not.
/// </summary>
public sealed class DigestComposer(IServiceScopeFactory scopes, DigestInputs inputs, IJobLeases leases,
    IOptions<SiteOptions> site, ILogger<DigestComposer> log)
{
    const int BatchSize = 5000;
    /// <summary>How many recommendations a digest carries.</summary>
    public const int ForYouCount = 5;

    public async Task<ComposeResult> ComposeAsync(DigestPeriod period, bool dryRun, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        // Two composers of one digest take turns; the second then finds every row already written. A composer killed
        // mid-way holds the lease only until it runs out, so a restarted run waits seconds, not the length of a run.
        await using (dryRun ? null : await KeptLease.AcquireAsync(leases, "digest-compose:" + period.Key, holder, ct))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
            var subscribers = await inputs.LoadSubscribersAsync(db, period, ct);
            var plan = await inputs.LoadPlanAsync(db, period, subscribers.SelectMany(s => s.Watchlists), ct);
            var accounts = await AccountsAsync(db, ct);
            var recommender = scope.ServiceProvider.GetRequiredService<Recommender>();
            int messages = 0, matches = 0;
            var now = DateTime.UtcNow;
            var outbox = new List<OutboxMessage>(BatchSize);
            var sent = new List<SentMatch>();
            foreach (var (id, email, watchlists) in subscribers)
            {
                var content = plan.ContentFor(id, watchlists);
                if (content is null) continue;
                if (accounts.TryGetValue(email, out var userId)) content = await WithForYouAsync(content, recommender, userId, ct);
                messages++;
                foreach (var section in content.Sections)
                foreach (var paper in section.Papers)
                {
                    matches++;
                    sent.Add(new SentMatch { SubscriptionId = id, PaperId = paper, DigestKey = period.Key });
                }
                outbox.Add(new OutboxMessage
                {
                    Kind = OutboxKind.Digest, DigestKey = period.Key, SubscriptionId = id, Recipient = email,
                    MessageId = MessageIdFor(period, id), Content = content.ToJson(), Status = OutboxStatus.Pending,
                    NextAttemptAt = now, CreatedAt = now,
                });
                if (outbox.Count == BatchSize) await FlushAsync(db, outbox, sent, dryRun, ct);
            }
            await FlushAsync(db, outbox, sent, dryRun, ct);
            log.LogInformation("composed {Digest}: {Messages} messages, {Matches} watch-list matches, {Featured} featured in {Seconds:F1} s",
                period.Key, messages, matches, plan.Featured.Count, clock.Elapsed.TotalSeconds);
            return new ComposeResult(period, messages, matches, plan.Featured.Count, clock.Elapsed);
        }
    }

    /// <summary>Account ids by email (case folded), for the subscribers who are readers here too.</summary>
    static async Task<Dictionary<string, long>> AccountsAsync(PaperboyDb db, CancellationToken ct) =>
        (await db.Set<User>().Select(u => new { u.Email, u.Id }).ToListAsync(ct))
        .GroupBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The message with the reader's recommendations not already in it (unchanged when there are none).</summary>
    static async Task<DigestContent> WithForYouAsync(DigestContent content, Recommender recommender, long userId, CancellationToken ct)
    {
        var shown = content.PaperIds.ToHashSet(StringComparer.Ordinal);
        var picks = (await recommender.ListAsync(userId, null, ForYouCount + shown.Count, ct, trendingWhenNew: false))
            .Where(r => !shown.Contains(r.Paper.Id)).Take(ForYouCount).Select(r => new ForYouPick(r.Paper.Id, r.Reason)).ToList();
        return picks.Count == 0 ? content : content with { ForYou = picks };
    }

    string MessageIdFor(DigestPeriod period, long subscriptionId) =>
        $"{period.Key.Replace(':', '.')}.{subscriptionId}@{site.Value.Host}";

    static async Task FlushAsync(PaperboyDb db, List<OutboxMessage> outbox, List<SentMatch> sent, bool dryRun, CancellationToken ct)
    {
        if (!dryRun && outbox.Count > 0) await OutboxWriter.WriteAsync(db, outbox, sent, ct);
        outbox.Clear();
        sent.Clear();
    }
}
