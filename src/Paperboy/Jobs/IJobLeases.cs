namespace Paperboy.Jobs;

/// <summary>
/// With several instances on one database, the instance holding a job's unexpired lease runs it. Storage keeps the
/// leases (<c>job_leases</c>); the scheduler only needs this much of them.
/// </summary>
public interface IJobLeases
{
    /// <summary>True when <paramref name="holder"/> (default: this instance) now holds <paramref name="job"/> until now + <paramref name="duration"/>.</summary>
    Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct, string? holder = null);

    /// <summary>When <paramref name="job"/>'s lease runs out (it may have already: its holder stopped renewing it), or null
    /// when nobody holds it (it was given back).</summary>
    Task<DateTime?> ExpiresAtAsync(string job, CancellationToken ct);

    /// <summary>Gives the lease up if <paramref name="holder"/> (default: this instance) holds it, so another instance may run the job at once.</summary>
    Task ReleaseAsync(string job, CancellationToken ct, string? holder = null);
}
