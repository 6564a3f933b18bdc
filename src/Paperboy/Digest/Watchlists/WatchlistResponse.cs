namespace Paperboy.Digest.Watchlists;

/// <summary>A watch-list as the API shows it (the query as stored: trimmed, single spaces).</summary>
public sealed record WatchlistResponse(long Id, string Query);
