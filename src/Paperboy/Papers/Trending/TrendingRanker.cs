using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Paperboy.Community;
using Paperboy.Storage;

namespace Paperboy.Papers.Trending;

/// <summary>
/// The trending list, by the open formula in docs/trending.md:
/// <c>score = (upvotes + 2 × comments) × 2^(−age_hours / half_life)</c>, where upvotes are imported plus local, comments
/// are local plus imported, and age runs from the start (UTC) of the day the paper was featured. Only papers featured in
/// the last <see cref="CommunityOptions.TrendingWindowDays"/> days (counted back from today, or from the latest day with
/// papers when that is earlier) take part. The ranking is computed from the stored counts and cached for a few seconds,
/// so votes never wait on it and pages never wait on a recomputation.
/// </summary>
public sealed class TrendingRanker(PaperboyDb db, IMemoryCache cache, IOptions<CommunityOptions> options)
{
    static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    public static double Score(int upvotes, int comments, double ageHours, double halfLifeHours) =>
        (upvotes + 2.0 * comments) * Math.Pow(2, -Math.Max(0, ageHours) / halfLifeHours);

    /// <summary>
    /// Ranks given featured papers (a day's, a week's list) by the same formula and the same clock as the trending list,
    /// best first, e.g. for <c>sort=trending</c> of a chosen period: a paper scores the same here as on /papers/trending.
    /// </summary>
    public async Task<IReadOnlyList<TrendingEntry>> RankAsync(IEnumerable<FeaturedPaper> featured, CancellationToken ct)
    {
        var reference = (await SnapshotAsync(ct)).Reference ?? DateTime.UtcNow;
        var halfLife = options.Value.TrendingHalfLifeHours;
        return featured.Where(f => f.Paper is { Hidden: false })
            .Select(f => new TrendingEntry(f.Paper!, f, Score(f.Paper!.ImportedUpvotes + f.Paper.LocalUpvotes,
                f.Paper.CommentCount + f.Paper.ImportedComments, AgeHours(reference, f.Day), halfLife)))
            .OrderByDescending(e => e.Score).ThenBy(e => e.Paper.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One page of the trending list, best first, each with its score.</summary>
    public async Task<IReadOnlyList<TrendingEntry>> ListAsync(int page, int limit, CancellationToken ct)
    {
        var ranking = await RankingAsync(ct);
        var slice = ranking.Skip(page * limit).Take(limit).ToList();
        var ids = slice.Select(s => s.PaperId).ToList();
        var rows = await db.Set<FeaturedPaper>().Include(f => f.Paper)
            .Where(f => ids.Contains(f.PaperId)).ToDictionaryAsync(f => f.PaperId, ct);
        return slice.Where(s => rows.ContainsKey(s.PaperId))
            .Select(s => new TrendingEntry(rows[s.PaperId].Paper!, rows[s.PaperId], s.Score)).ToList();
    }

    /// <summary>Every candidate's score, best first (cached briefly).</summary>
    public async Task<IReadOnlyList<(string PaperId, double Score)>> RankingAsync(CancellationToken ct) => (await SnapshotAsync(ct)).Scores;

    /// <summary>The scores and the time their ages count to, computed together and cached together, so that
    /// <see cref="RankAsync"/> scores with the very clock of the cached list.</summary>
    sealed record Snapshot(IReadOnlyList<(string PaperId, double Score)> Scores, DateTime? Reference);

    async Task<Snapshot> SnapshotAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync("paperboy:trending", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await ComputeAsync(ct);
        }) ?? new Snapshot([], null);

    async Task<Snapshot> ComputeAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (await ClockAsync(ct) is not { } clock) return new Snapshot([], null);
        var (latest, reference) = clock;
        var first = latest.AddDays(1 - o.TrendingWindowDays);
        var rows = await (from f in db.Set<FeaturedPaper>()
                          join p in db.Set<Paper>() on f.PaperId equals p.Id
                          where f.Day >= first && f.Day <= latest && !p.Hidden
                          select new { p.Id, f.Day, Upvotes = p.ImportedUpvotes + p.LocalUpvotes, Comments = p.CommentCount + p.ImportedComments })
            .ToListAsync(ct);
        return new Snapshot(rows
            .Select(r => (r.Id, Score(r.Upvotes, r.Comments, AgeHours(reference, r.Day), o.TrendingHalfLifeHours)))
            .OrderByDescending(r => r.Item2).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList(), reference);
    }

    /// <summary>
    /// The latest day with papers (not after today) and the time ages count to: now, or the end of that day when it is
    /// earlier (a hub whose imports stopped still ranks its last days). Null when nothing was featured.
    /// </summary>
    async Task<(DateOnly Latest, DateTime Reference)?> ClockAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var latest = await db.Set<FeaturedPaper>().Where(f => f.Day <= today).MaxAsync(f => (DateOnly?)f.Day, ct);
        if (latest is not { } day) return null;
        return (day, day < today ? day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : now);
    }

    static double AgeHours(DateTime reference, DateOnly day) => (reference - day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).TotalHours;
}
