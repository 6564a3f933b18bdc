namespace Paperboy.Digest.Outbox;

/// <summary>Wakes the outbox worker when a confirmation message is waiting, instead of at its next tick.</summary>
public sealed class OutboxKick
{
    readonly SemaphoreSlim _signal = new(0, 1);

    public void Kick()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { }
    }

    /// <summary>True when kicked, false when <paramref name="timeout"/> passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
