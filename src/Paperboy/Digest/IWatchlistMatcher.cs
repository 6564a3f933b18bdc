namespace Paperboy.Digest;

/// <summary>
/// Finds which of a day's new papers each watch-list matches. The keyword matcher here does it in memory;
/// full-text search (issue #5) can replace it by registering another implementation.
/// </summary>
public interface IWatchlistMatcher
{
    /// <summary>Prepares the candidates once (tokenized, indexed) for many queries.</summary>
    IWatchlistIndex Prepare(IReadOnlyList<CandidatePaper> candidates);
}

/// <summary>Candidates ready for matching. Not thread-safe: one composer uses it at a time.</summary>
public interface IWatchlistIndex
{
    /// <summary>The candidates (in the order given to Prepare) that match the query; identical queries share one answer.</summary>
    IReadOnlyList<CandidatePaper> Match(WatchQuery query);
}
