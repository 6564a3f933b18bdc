namespace Paperboy.Digest.Outbox;

/// <summary>How one pass over the outbox went; <see cref="Waiting"/> rows are still pending (retries, or left by a stopped run).</summary>
public sealed record SendRunResult(int Sent, int Failed, int Retrying, int Waiting, string? Unreachable, TimeSpan Elapsed);
