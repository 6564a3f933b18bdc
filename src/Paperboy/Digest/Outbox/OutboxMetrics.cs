using System.Diagnostics.Metrics;

namespace Paperboy.Digest.Outbox;

/// <summary>Meter <c>Paperboy.Digest</c>: messages the outbox sent, failed or put back to retry, and how many were waiting after the last run.</summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Paperboy.Digest";
    readonly Counter<long> _messages;
    long _waiting;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _messages = meter.CreateCounter<long>("paperboy.outbox.messages", "{message}", "Outbox messages by outcome: sent, failed (5xx or too many attempts), retrying (4xx).");
        meter.CreateObservableGauge("paperboy.outbox.waiting", () => Interlocked.Read(ref _waiting), "{message}", "Messages waiting to be sent after the last send run.");
    }

    public void Record(SendRunResult result)
    {
        if (result.Sent > 0) _messages.Add(result.Sent, new KeyValuePair<string, object?>("outcome", "sent"));
        if (result.Failed > 0) _messages.Add(result.Failed, new KeyValuePair<string, object?>("outcome", "failed"));
        if (result.Retrying > 0) _messages.Add(result.Retrying, new KeyValuePair<string, object?>("outcome", "retrying"));
        Interlocked.Exchange(ref _waiting, result.Waiting);
    }
}
