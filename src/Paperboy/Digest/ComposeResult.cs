namespace Paperboy.Digest;

/// <summary>How composing one digest went.</summary>
public sealed record ComposeResult(DigestPeriod Period, int Messages, int WatchlistMatches, int Featured, TimeSpan Elapsed);
