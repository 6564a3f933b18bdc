namespace Paperboy.Search.Keyword;

/// <summary>The engine's full-text index over papers (SQLite FTS5 or PostgreSQL tsvector + RUM); see Storage/.</summary>
public interface IKeywordIndex
{
    /// <summary>Visible papers matching the query and filters, best first (title over abstract over authors).</summary>
    Task<IReadOnlyList<KeywordHit>> MatchAsync(SearchQuery query, SearchFilters filters, int limit, CancellationToken ct);

    /// <summary>Those of <paramref name="ids"/> that are visible and satisfy the phrases, authors, exclusions and filters (words need not match).</summary>
    Task<IReadOnlySet<string>> KeepMatchingAsync(IReadOnlyCollection<string> ids, SearchQuery query, SearchFilters filters, CancellationToken ct);

    /// <summary>Rebuilds the index from the papers table (after a VACUUM on SQLite; a no-op where the index cannot drift).</summary>
    Task RebuildAsync(CancellationToken ct);
}

/// <summary>
/// A paper found by words and how well it matches: the engine's relevance (bm25 on SQLite, RUM's rank on PostgreSQL;
/// larger is better, comparable within one search only), or NaN for a paper listed newest first among matches too
/// common to weigh.
/// </summary>
public readonly record struct KeywordHit(string Id, double Score);

public static class KeywordHits
{
    /// <summary><paramref name="first"/>, then those of <paramref name="more"/> it does not have, up to <paramref name="limit"/>.</summary>
    public static List<KeywordHit> ThenFill(this List<KeywordHit> first, IEnumerable<KeywordHit> more, int limit)
    {
        var seen = first.Select(h => h.Id).ToHashSet();
        first.AddRange(more.Where(h => seen.Add(h.Id)).Take(limit - first.Count).ToList());
        return first;
    }
}
