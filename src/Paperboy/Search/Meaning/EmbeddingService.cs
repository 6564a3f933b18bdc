using Microsoft.Extensions.Options;

namespace Paperboy.Search.Meaning;

/// <summary>While serving: loads the stored vectors into memory, then keeps embedding papers that have none
/// (unless <c>Paperboy:Search:Backfill</c> is off) and counting those still waiting.</summary>
public sealed class EmbeddingService(EmbeddingBackfill backfill, EmbeddingProgress progress, IOptions<SearchOptions> options,
    ILogger<EmbeddingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await RetryAsync(() => backfill.LoadIndexAsync(stoppingToken), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                // Without the back-fill here (another instance runs it), the back-log is still counted for the metrics.
                var embedded = await RetryAsync(() => EmbedBatchAsync(options.Value.Backfill, stoppingToken), stoppingToken);
                if (embedded == 0) await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Embeds up to one batch of papers (when this instance back-fills), then counts the papers still waiting.</summary>
    async Task<int> EmbedBatchAsync(bool embed, CancellationToken ct)
    {
        var embedded = embed ? await backfill.RunBatchAsync(256, ct) : 0;
        var (papers, withVectors) = await backfill.CountAsync(ct);
        progress.Backlog = papers - withVectors;
        return embedded;
    }

    /// <summary>Runs the step; a failure is logged once and shown on the admin page, and the step is tried again after the poll interval.</summary>
    async Task<int> RetryAsync(Func<Task<int>> step, CancellationToken ct)
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
