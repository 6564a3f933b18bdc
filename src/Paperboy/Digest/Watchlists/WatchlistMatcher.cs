using Paperboy.Search;
using Paperboy.Storage;

namespace Paperboy.Digest.Watchlists;

/// <summary>
/// Finds which of a period's new papers each watch-list matches, with the keyword search of <c>/search</c> (FTS5 on
/// SQLite, tsvector on PostgreSQL) restricted to those papers. Each distinct watch-list text is parsed and run once,
/// however many subscribers keep it.
/// </summary>
public sealed class WatchlistMatcher(ILogger<WatchlistMatcher> log)
{
    /// <summary>
    /// For every watch-list text that parses, the ids of the matching <paramref name="candidates"/>, in the candidates'
    /// order. A text that no longer parses (saved under older rules) is left out and logged.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> MatchAsync(PaperboyDb db, IReadOnlyList<string> candidates,
        IEnumerable<string> watchlists, CancellationToken ct)
    {
        var queries = new Dictionary<string, SearchQuery>(StringComparer.Ordinal);
        foreach (var text in watchlists)
        {
            if (queries.ContainsKey(text)) continue;
            var (query, error) = WatchlistQuery.Parse(text);
            if (query is not null) queries[text] = query;
            else log.LogWarning("watch-list {Query} skipped: {Error}", text, error);
        }
        var found = db.IsPostgres
            ? await PostgresWatchlistSearch.MatchAsync(db, candidates, queries, ct)
            : await SqliteWatchlistSearch.MatchAsync(db, candidates, queries, ct);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (text, ids) in found)
            result[text] = ids.Count == 0 ? [] : candidates.Where(ids.Contains).ToList();
        return result;
    }
}
