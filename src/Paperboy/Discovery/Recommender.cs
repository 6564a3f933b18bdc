using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Paperboy.Papers.Trending;
using Paperboy.Search.Meaning;
using Paperboy.Storage;

namespace Paperboy.Discovery;

/// <summary>
/// "For you": ranks the recent papers for one reader from what they liked (<see cref="TasteRanking"/> over the vectors
/// the search already holds), adds what the people they follow upvoted, and leaves out what they dismissed or already
/// liked. A reader with nothing to learn from gets trending. Method and measurements: docs/recommendations.md.
/// </summary>
public sealed class Recommender(PaperboyDb db, VectorIndex vectors, TrendingRanker trending, IMemoryCache cache, IOptions<DiscoveryOptions> options)
{
    /// <summary>The most recent papers ranked at most, whatever <c>since</c> asks (a year of arXiv would be 300,000).</summary>
    public const int MaxWindow = 50_000;
    /// <summary>The method measured best in docs/recommendations.md, and its diversity (MMR) weight.</summary>
    public const TasteMethod Method = TasteMethod.Blend;
    public const double Diversity = 0.1;
    /// <summary>Added to a paper's taste score (1 for the first pick down to 0) when people the reader follows upvoted it.</summary>
    public const float FollowBoost = 0.6f;
    static readonly TimeSpan WindowCacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The first day ranked when the reader names none: <see cref="DiscoveryOptions.WindowDays"/> back from the newest paper.</summary>
    public async Task<DateOnly> DefaultSinceAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var newest = await db.Set<Paper>().Where(p => p.PublishedAt <= now && !p.Hidden).MaxAsync(p => (DateTime?)p.PublishedAt, ct) ?? now;
        return DateOnly.FromDateTime(newest).AddDays(1 - options.Value.WindowDays);
    }

    /// <summary>
    /// The reader's recommendations, best first. With nothing to learn from (no liked paper with a vector, no followed
    /// person's upvote) it is trending, or nothing when <paramref name="trendingWhenNew"/> is false (the digest has its own list).
    /// </summary>
    public async Task<IReadOnlyList<Recommendation>> ListAsync(long userId, DateOnly? since, int limit, CancellationToken ct, bool trendingWhenNew = true)
    {
        var from = (since ?? await DefaultSinceAsync(ct)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var history = await ReaderHistory.LoadAsync(db, userId, from, ct);
        var liked = history.Liked.Select(id => (Id: id, Vector: vectors.Find(id))).Where(l => l.Vector is not null).ToList();
        var exclude = history.Liked.Concat(history.Dismissed).ToHashSet(StringComparer.Ordinal);
        if (liked.Count == 0 && history.FollowedUpvotes.Count == 0) return trendingWhenNew ? await TrendingAsync(exclude, limit, ct) : [];

        var dismissed = history.Dismissed.Select(vectors.Find).OfType<float[]>().ToList();
        var ranked = TasteRanking.Rank(await WindowAsync(from, ct), liked.Select(l => l.Vector!).ToList(), dismissed, exclude, limit,
            Method, Diversity, seed: (int)(userId % int.MaxValue));
        var titles = await TitlesAsync(ranked.Select(r => liked[r.Closest].Id).Distinct().ToList(), ct);
        var picks = new Dictionary<string, (float Score, string Reason)>(StringComparer.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
            picks[ranked[i].Id] = (1 - i / (float)limit, $"close to {titles.GetValueOrDefault(liked[ranked[i].Closest].Id, liked[ranked[i].Closest].Id)}");
        foreach (var (paperId, handles) in history.FollowedUpvotes)
        {
            if (exclude.Contains(paperId)) continue;
            picks[paperId] = (picks.GetValueOrDefault(paperId).Score + FollowBoost, UpvotedBy(handles));
        }
        var order = picks.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Key, StringComparer.Ordinal).Take(limit)
            .Select(p => (p.Key, p.Value.Reason)).ToList();
        return await LoadAsync(order, ct);
    }

    /// <summary>"Not interested": never shown again, and a negative example from now on. False when there is no such paper.</summary>
    public async Task<bool> DismissAsync(long userId, string paperId, CancellationToken ct)
    {
        if (!await db.Set<Paper>().AnyAsync(p => p.Id == paperId, ct)) return false;
        if (await db.Set<Dismissal>().AnyAsync(d => d.UserId == userId && d.PaperId == paperId, ct)) return true;
        db.Add(new Dismissal { UserId = userId, PaperId = paperId, CreatedAt = DateTime.UtcNow });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { } // a twin request stored it first: dismissed all the same
        finally { db.ChangeTracker.Clear(); }
        return true;
    }

    static string UpvotedBy(IReadOnlyList<string> handles) => handles.Count switch
    {
        1 => $"upvoted by @{handles[0]}, whom you follow",
        2 => $"upvoted by @{handles[0]} and @{handles[1]}, whom you follow",
        _ => $"upvoted by @{handles[0]}, @{handles[1]} and {handles.Count - 2} more you follow",
    };

    async Task<IReadOnlyList<Recommendation>> TrendingAsync(IReadOnlySet<string> exclude, int limit, CancellationToken ct)
    {
        var ranking = await trending.RankingAsync(ct);
        return await LoadAsync(ranking.Where(r => !exclude.Contains(r.PaperId)).Take(limit).Select(r => (r.PaperId, "trending now")).ToList(), ct);
    }

    /// <summary>The vectors of the papers published since <paramref name="from"/> (newest <see cref="MaxWindow"/>), kept briefly: every reader ranks the same window.</summary>
    async Task<VectorBlock> WindowAsync(DateTime from, CancellationToken ct) =>
        await cache.GetOrCreateAsync($"paperboy:for-you:window:{from:yyyy-MM-dd}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = WindowCacheFor;
            var ids = await db.Set<Paper>().Where(p => p.PublishedAt >= from && !p.Hidden)
                .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(MaxWindow).Select(p => p.Id).ToListAsync(ct);
            return vectors.Gather(ids);
        }) ?? VectorBlock.Empty;

    async Task<Dictionary<string, string>> TitlesAsync(List<string> ids, CancellationToken ct) =>
        await db.Set<Paper>().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);

    async Task<IReadOnlyList<Recommendation>> LoadAsync(List<(string Id, string Reason)> order, CancellationToken ct)
    {
        var ids = order.Select(o => o.Id).ToList();
        var papers = await db.Set<Paper>().Where(p => ids.Contains(p.Id) && !p.Hidden).ToDictionaryAsync(p => p.Id, ct);
        var featured = (await db.Set<FeaturedPaper>().Where(f => ids.Contains(f.PaperId)).ToListAsync(ct))
            .GroupBy(f => f.PaperId).ToDictionary(g => g.Key, g => g.First());
        return order.Where(o => papers.ContainsKey(o.Id))
            .Select(o => new Recommendation(papers[o.Id], featured.GetValueOrDefault(o.Id), o.Reason)).ToList();
    }
}
