namespace Paperboy.Storage;

/// <summary>
/// An email address that asked for digests. It receives nothing but its confirmation message until
/// <see cref="ConfirmedAt"/> is set, and nothing at all once <see cref="UnsubscribedAt"/> is.
/// </summary>
public sealed class Subscription
{
    public long Id { get; set; }
    /// <summary>Trimmed and lower-cased (see Digest/EmailAddress).</summary>
    public required string Email { get; set; }
    public DigestFrequency Frequency { get; set; }
    /// <summary>Bound into the confirmation link; cleared once confirmed so the link cannot be replayed after an unsubscribe.</summary>
    public string? ConfirmNonce { get; set; }
    public DateTime? ConfirmSentAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? UnsubscribedAt { get; set; }
    /// <summary>The account this address belongs to, when the subscriber has one.</summary>
    public long? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Watchlist> Watchlists { get; set; } = [];

    public bool IsActive => ConfirmedAt is not null && UnsubscribedAt is null;
}
