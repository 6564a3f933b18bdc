namespace Paperboy.Storage;

/// <summary>
/// One message to send, written before sending. <see cref="MessageId"/> is stable per digest and recipient, so
/// a message sent again after a crash carries the same id. <see cref="Content"/> is what the message says
/// (JSON of Digest's DigestContent or ConfirmationContent); the Digest feature renders it when sent.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }
    /// <summary><c>daily:2026-08-24</c> or <c>weekly:2026-08-24</c>; null for confirmations.</summary>
    public string? DigestKey { get; set; }
    public long? SubscriptionId { get; set; }
    public required string Recipient { get; set; }
    public required string MessageId { get; set; }
    public required string Content { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>The sender that claimed the row, until <see cref="LockedUntil"/>.</summary>
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>The SMTP server's words for the last refusal.</summary>
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
