using Paperboy.Digest.Outbox;
namespace Paperboy.Digest;

/// <summary>What one run composed and how sending went (null for a dry run).</summary>
public sealed record DigestRunResult(DateOnly Day, IReadOnlyList<ComposeResult> Composed, SendRunResult? Sent);
