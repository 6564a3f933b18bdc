using Paperboy.Storage;
namespace Paperboy.Digest.Outbox;

/// <summary>The state one pass over the outbox shares between its claimer, connections and settler.</summary>
sealed class SendRun(string owner, OutboxKind? kind)
{
    int _sent, _failed, _retrying;
    volatile string? _unreachable;

    /// <summary>Who holds the claimed rows (<c>locked_by</c>).</summary>
    public string Owner => owner;
    public OutboxKind? Kind => kind;
    /// <summary>The papers the run's messages show, filled by the claimer only.</summary>
    public Dictionary<string, PaperSummary> Papers { get; } = new(StringComparer.Ordinal);
    /// <summary>Rows claimed by this run whose outcome is not written yet.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<long, byte> Unsettled { get; } = new();

    public int Sent => _sent;
    public int Failed => _failed;
    public int Retrying => _retrying;
    public void CountSent(int n) => Interlocked.Add(ref _sent, n);
    public void CountFailed() => Interlocked.Increment(ref _failed);
    public void CountRetrying() => Interlocked.Increment(ref _retrying);

    /// <summary>Why the run stopped early (the SMTP server could not be reached), or null.</summary>
    public string? Unreachable => _unreachable;
    public bool Stopped => _unreachable is not null;
    public void Stop(string reason) => Interlocked.CompareExchange(ref _unreachable, reason, null);
}
