namespace Paperboy.Jobs;

/// <summary>
/// A lease held for as long as a piece of work runs: taken for a short <see cref="Duration"/> and renewed in the
/// background, so that a holder killed without clean-up (SIGKILL, an out-of-memory kill) blocks the next one for at
/// most that long, however long the work itself takes. A lease as long as the longest run would block a restarted
/// <c>digest send</c> for all of it.
/// <c>await using var held = await KeptLease.AcquireAsync(leases, "digest-compose:daily:2026-08-25", holder, ct);</c>
/// </summary>
public sealed class KeptLease : IAsyncDisposable
{
    /// <summary>How long the lease outlives its holder's last renewal.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    /// <summary>Three renewals per <see cref="Duration"/>: one failed renewal (a busy database) does not lose the lease.</summary>
    static readonly TimeSpan RenewEvery = Duration / 3;

    readonly IJobLeases _leases;
    readonly string _name;
    readonly string? _holder;
    readonly CancellationTokenSource _stop = new();
    readonly Task _renewing;

    KeptLease(IJobLeases leases, string name, string? holder)
    {
        (_leases, _name, _holder) = (leases, name, holder);
        _renewing = RenewAsync(_stop.Token);
    }

    /// <summary>Waits until <paramref name="holder"/> holds the lease (another holder's runs out at most <see cref="Duration"/> after it stops renewing).</summary>
    public static async Task<KeptLease> AcquireAsync(IJobLeases leases, string name, string holder, CancellationToken ct)
    {
        while (!await leases.TryAcquireAsync(name, Duration, ct, holder)) await Task.Delay(500, ct);
        return new KeptLease(leases, name, holder);
    }

    /// <summary>Takes the lease if it is free or its holder stopped renewing it; null when another holder keeps it.
    /// <paramref name="holder"/> null: this instance.</summary>
    public static async Task<KeptLease?> TryAcquireAsync(IJobLeases leases, string name, string? holder, CancellationToken ct) =>
        await leases.TryAcquireAsync(name, Duration, ct, holder) ? new KeptLease(leases, name, holder) : null;

    async Task RenewAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                // A failed renewal is tried again at the next tick; the lease is lost only if every try fails for a whole Duration.
                try { await _leases.TryAcquireAsync(_name, Duration, ct, _holder); }
                catch (Exception) when (!ct.IsCancellationRequested) { }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        await _leases.ReleaseAsync(_name, CancellationToken.None, _holder);
    }
}
