namespace Paperboy.Storage;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (or retried after a temporary refusal, from <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending = 0,
    Sent = 1,
    /// <summary>Refused for good (5xx, or too many temporary refusals); <see cref="OutboxMessage.LastError"/> says why.</summary>
    Failed = 2,
    /// <summary>The subscriber left before it went out.</summary>
    Cancelled = 3,
}
