using Microsoft.Extensions.Options;
using Paperboy.Storage;

namespace Paperboy.Ingest.Schedules;

/// <summary>
/// A schedule that runs the same import code as the CLI, on one instance among several (the job lease), and logs
/// one line per run: the importer's summary, or why it failed. It never stops the hub.
/// </summary>
public abstract class ScheduledImport(IOptions<IngestOptions> options, JobLeases leases, TimeProvider time, ILogger log) : BackgroundService
{
    protected IngestOptions Options => options.Value;
    protected TimeProvider Time => time;
    protected abstract string JobName { get; }
    protected abstract DateTimeOffset NextRun(DateTimeOffset now);
    /// <summary>Whether to run once right after start (and not wait for the first scheduled time).</summary>
    protected virtual bool RunAtStart => false;
    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Scheduled) return;
        var first = RunAtStart;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!first)
            {
                var wait = NextRun(time.GetUtcNow()) - time.GetUtcNow();
                try { if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken); }
                catch (OperationCanceledException) { return; } // the host is stopping
            }
            first = false;
            await RunGuardedAsync(stoppingToken);
        }
    }

    /// <summary>One scheduled run: takes the lease, runs, and turns anything unexpected into one log line.</summary>
    public async Task RunGuardedAsync(CancellationToken ct)
    {
        try
        {
            if (!await leases.TryAcquireAsync(JobName, TimeSpan.FromMinutes(50), ct))
            {
                log.LogInformation("scheduled {Job} skipped: another instance holds its lease", JobName);
                return;
            }
            await RunOnceAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e)
        {
            log.LogError("scheduled {Job} failed: {Reason}", JobName, e.Message);
        }
    }
}
