using Microsoft.Extensions.Options;

namespace Paperboy.Search;

/// <summary>While serving: loads the stored vectors into memory, then keeps embedding papers that have none.</summary>
public sealed class EmbeddingService(EmbeddingBackfill backfill, EmbeddingProgress progress, IOptions<SearchOptions> options,
    ILogger<EmbeddingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await backfill.LoadIndexAsync(stoppingToken);
            if (!options.Value.Backfill) return;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await backfill.RunBatchAsync(256, stoppingToken) > 0) continue;
                    progress.LastError = null;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    progress.LastError = e.Message;
                    log.LogError("embedding back-fill failed: {Error}", e.Message);
                }
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
