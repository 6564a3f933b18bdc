using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paperboy.Digest.Watchlists;
using Paperboy.Storage;

namespace Paperboy.Digest;

/// <summary>Reads what a digest is made of: featured papers, new papers for watch-lists, subscribers, earlier matches.</summary>
public sealed class DigestInputs(WatchlistMatcher matcher, IOptions<DigestOptions> options)
{
    /// <summary>The plan of a digest whose subscribers keep <paramref name="watchlists"/> (each text is run once).</summary>
    public async Task<DigestPlan> LoadPlanAsync(PaperboyDb db, DigestPeriod period, IEnumerable<string> watchlists, CancellationToken ct)
    {
        var o = options.Value;
        var featured = await db.Set<FeaturedPaper>()
            .Where(f => f.Day >= period.From && f.Day <= period.To && !f.Paper!.Hidden)
            .OrderByDescending(f => f.Paper!.ImportedUpvotes + f.Paper.LocalUpvotes).ThenBy(f => f.PaperId)
            .Select(f => f.PaperId).Take(o.TopFeatured).ToListAsync(ct);
        var (start, end) = UtcWindow(period.From.AddDays(-o.WatchlistLookbackDays), period.To);
        var candidates = await db.Set<Paper>()
            .Where(p => p.PublishedAt >= start && p.PublishedAt < end && !p.Hidden)
            .OrderByDescending(p => p.ImportedUpvotes + p.LocalUpvotes).ThenByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(p => p.Id).ToListAsync(ct);
        var sentBefore = new HashSet<(long, string)>();
        foreach (var chunk in candidates.Chunk(500))
        {
            var rows = await db.Set<SentMatch>().Where(m => chunk.Contains(m.PaperId))
                .Select(m => new { m.SubscriptionId, m.PaperId }).ToListAsync(ct);
            foreach (var r in rows) sentBefore.Add((r.SubscriptionId, r.PaperId));
        }
        var matches = await matcher.MatchAsync(db, candidates, watchlists, ct);
        return new DigestPlan(period, featured, matches, sentBefore, o.MaxPerWatchlist);
    }

    /// <summary>Confirmed subscribers of the period's frequency who have no message of this digest yet, with their watch-lists.</summary>
    public async Task<List<(long Id, string Email, List<string> Watchlists)>> LoadSubscribersAsync(
        PaperboyDb db, DigestPeriod period, CancellationToken ct)
    {
        var active = db.Set<Subscription>().Where(s => s.ConfirmedAt != null && s.UnsubscribedAt == null && s.Frequency == period.Frequency);
        var done = (await db.Set<OutboxMessage>().Where(m => m.DigestKey == period.Key).Select(m => m.SubscriptionId).ToListAsync(ct)).ToHashSet();
        var subscribers = await active.OrderBy(s => s.Id).Select(s => new { s.Id, s.Email }).ToListAsync(ct);
        var watchlists = (await active.Join(db.Set<Watchlist>(), s => s.Id, w => w.SubscriptionId, (s, w) => new { w.SubscriptionId, w.Id, w.Query })
                .ToListAsync(ct))
            .OrderBy(w => w.Id).ToLookup(w => w.SubscriptionId, w => w.Query);
        return subscribers.Where(s => !done.Contains(s.Id)).Select(s => (s.Id, s.Email, watchlists[s.Id].ToList())).ToList();
    }

    /// <summary>From local midnight of <paramref name="from"/> to local midnight after <paramref name="to"/>, in UTC.</summary>
    public (DateTime Start, DateTime End) UtcWindow(DateOnly from, DateOnly to)
    {
        var zone = options.Value.Zone;
        return (TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone),
            TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
    }
}
