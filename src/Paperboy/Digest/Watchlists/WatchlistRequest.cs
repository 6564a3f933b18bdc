namespace Paperboy.Digest.Watchlists;

/// <summary><c>POST /api/account/watchlists</c>: a saved search in the syntax of /search.</summary>
public sealed record WatchlistRequest(string? Query);
