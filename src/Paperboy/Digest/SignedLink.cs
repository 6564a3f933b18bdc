namespace Paperboy.Digest;

/// <summary>A link whose signature checked out.</summary>
public sealed record SignedLink(long Id, DateTime? ExpiresAt, string Nonce)
{
    public bool IsExpired(DateTime now) => ExpiresAt is { } e && e < now;
}
