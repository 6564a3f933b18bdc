using Microsoft.Extensions.Options;
using Paperboy.Jobs;
using Paperboy.Storage;

namespace Paperboy.Search.Meaning;

/// <summary>
/// While serving: loads the stored vectors into memory, then keeps embedding papers that have none (unless
/// <c>Paperboy:Search:Backfill</c> is off), loads the vectors other instances stored, and counts the papers still
/// waiting. With several instances one of them back-fills at a time: the one that holds the <see cref="Lease"/>, kept
/// alive while it runs and taken over by another within <see cref="KeptLease.Duration"/> when it dies.
/// </summary>
public sealed class EmbeddingService(EmbeddingBackfill backfill, EmbeddingProgress progress, IJobLeases leases, ClusterSignals signals,
    IOptions<SearchOptions> options, ILogger<EmbeddingService> log) : BackgroundService
{
    public const string Lease = "search-backfill";

    readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        signals.On(EmbeddingBackfill.VectorsStored, _ => _wake.Release());
        KeptLease? held = null;
        try
        {
            await RetryAsync(() => backfill.LoadIndexAsync(stoppingToken), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (options.Value.Backfill && held is null)
                    held = await RetryAsync(() => KeptLease.TryAcquireAsync(leases, Lease, null, stoppingToken), stoppingToken);
                // Without the back-fill here (off, or another instance runs it), the back-log is still counted for the metrics.
                var embedded = await RetryAsync(() => EmbedBatchAsync(held is not null, stoppingToken), stoppingToken);
                if (embedded == 0)
                {
                    await _wake.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
                    while (_wake.CurrentCount > 0) _wake.Wait(0); // one load serves every signal received meanwhile
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            if (held is not null) await held.DisposeAsync(); // stopped cleanly: another instance may take over at once
        }
    }

    /// <summary>Embeds up to one batch of papers (when this instance back-fills), loads the vectors others stored, then
    /// counts the papers still waiting.</summary>
    async Task<int> EmbedBatchAsync(bool embed, CancellationToken ct)
    {
        var embedded = embed ? await backfill.RunBatchAsync(256, ct) : 0;
        await backfill.LoadNewAsync(ct);
        var (papers, withVectors) = await backfill.CountAsync(ct);
        progress.Backlog = papers - withVectors;
        return embedded;
    }

    /// <summary>Runs the step; a failure is logged once and shown on the admin page, and the step is tried again after the poll interval.</summary>
    async Task<T> RetryAsync<T>(Func<Task<T>> step, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var result = await step();
                progress.LastError = null;
                return result;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (progress.LastError != e.Message) log.LogError("search index: {Error}", e.Message);
                progress.LastError = e.Message;
            }
            await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), ct);
        }
    }
}
