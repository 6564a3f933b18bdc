namespace Paperboy.Jobs;

/// <summary>
/// The one scheduler: a job that runs at the times <see cref="NextRun"/> gives, on one instance among several, and
/// logs one line when a run fails. A failure never stops the hub. The instance that runs the job holds its lease
/// (<see cref="KeptLease"/>: renewed while the run lasts, given back when it ends); the others watch the lease, and
/// when its holder dies mid-run (it stops renewing) one of them takes the job over and runs it to the end.
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

    /// <summary>Whether one instance at a time runs the job (false: every instance runs it, no lease).</summary>
    protected virtual bool OnOneInstance => true;

    /// <summary>How often an instance that found the job running elsewhere looks whether its holder is still alive.</summary>
    static readonly TimeSpan WatchEvery = TimeSpan.FromSeconds(5);

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
            if (!await RunGuardedAsync(stoppingToken) && OnOneInstance && await TakeOverAsync(stoppingToken))
                await RunGuardedAsync(stoppingToken);
        }
    }

    /// <summary>
    /// After a run was skipped because another instance holds the lease: watches it until it is given back (the run
    /// ended there: false) or runs out without being renewed (its holder died: true, run it here), at most until the
    /// next scheduled run.
    /// </summary>
    async Task<bool> TakeOverAsync(CancellationToken ct)
    {
        var until = NextRun(time.GetUtcNow());
        try
        {
            while (time.GetUtcNow() < until)
            {
                var expires = await leases.ExpiresAtAsync(Name, ct);
                if (expires is null) return false;
                if (expires < time.GetUtcNow().UtcDateTime)
                {
                    log.LogWarning("scheduled {Job}: its lease ran out without being given back; running it here", Name);
                    return true;
                }
                await Task.Delay(WatchEvery, time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e) { log.LogError("scheduled {Job}: could not watch its lease: {Reason}", Name, e.Message); }
        return false;
    }

    /// <summary>One run: takes the lease, runs, gives the lease back, and turns anything unexpected into one log line.</summary>
    /// <returns>Whether this instance ran the job (false when another holds its lease or the run failed).</returns>
    public async Task<bool> RunGuardedAsync(CancellationToken ct)
    {
        // Every line logged during the run, by any logger, names the job (a scope: JSON logs show it).
        using var _ = log.BeginScope(new Dictionary<string, object> { ["Job"] = Name });
        try
        {
            if (!OnOneInstance)
            {
                await RunOnceAsync(ct);
                return true;
            }
            await using var held = await KeptLease.TryAcquireAsync(leases, Name, null, ct);
            if (held is null)
            {
                log.LogInformation("scheduled {Job} skipped: another instance holds its lease", Name);
                return false;
            }
            await RunOnceAsync(ct);
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
