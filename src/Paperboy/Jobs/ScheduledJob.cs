namespace Paperboy.Jobs;

/// <summary>
/// The one scheduler: a job that runs at the times <see cref="NextRun"/> gives, on one instance among several (its
/// lease, released when the run ends), and logs one line when a run fails. A failure never stops the hub.
/// </summary>
public abstract class ScheduledJob(IJobLeases leases, TimeProvider time, ILogger log) : BackgroundService
{
    protected TimeProvider Time => time;

    /// <summary>The job's name, and the name of its lease.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the job runs at all in this process (its settings may turn it off).</summary>
    protected virtual bool Enabled => true;

    /// <summary>Whether to run once right after start, not waiting for the first scheduled time.</summary>
    protected virtual bool RunAtStart => false;

    /// <summary>How long a run may take before another instance may take the job over; null: every instance runs it, no lease.</summary>
    protected virtual TimeSpan? LeaseFor => TimeSpan.FromMinutes(50);

    protected abstract DateTimeOffset NextRun(DateTimeOffset now);

    protected abstract Task RunOnceAsync(CancellationToken ct);

    /// <summary>Waits until the next run; a job that can be woken early (new work to send) overrides it.</summary>
    protected virtual Task WaitAsync(TimeSpan wait, CancellationToken ct) => Task.Delay(wait, time, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        var first = RunAtStart;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!first)
            {
                var wait = NextRun(time.GetUtcNow()) - time.GetUtcNow();
                try { await WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stoppingToken); }
                catch (OperationCanceledException) { return; } // the host is stopping
            }
            first = false;
            await RunGuardedAsync(stoppingToken);
        }
    }

    /// <summary>One run: takes the lease, runs, gives the lease back, and turns anything unexpected into one log line.</summary>
    /// <returns>Whether this instance ran the job (false when another holds its lease or the run failed).</returns>
    public async Task<bool> RunGuardedAsync(CancellationToken ct)
    {
        // Every line logged during the run, by any logger, names the job (a scope: JSON logs show it).
        using var _ = log.BeginScope(new Dictionary<string, object> { ["Job"] = Name });
        try
        {
            if (LeaseFor is not { } lease)
            {
                await RunOnceAsync(ct);
                return true;
            }
            if (!await leases.TryAcquireAsync(Name, lease, ct))
            {
                log.LogInformation("scheduled {Job} skipped: another instance holds its lease", Name);
                return false;
            }
            try { await RunOnceAsync(ct); }
            finally { await leases.ReleaseAsync(Name, CancellationToken.None); }
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return false; }
        catch (Exception e)
        {
            log.LogError("scheduled {Job} failed: {Reason}", Name, e.Message);
            return false;
        }
    }
}
