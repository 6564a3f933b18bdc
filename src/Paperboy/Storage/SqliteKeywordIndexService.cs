using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Paperboy.Search;

namespace Paperboy.Storage;

/// <summary>
/// While serving on SQLite: indexes for keyword search what bulk imports queued (this process's, or a CLI import's
/// against the same file), a chunk per transaction so that other writers wait at most a fraction of a second.
/// </summary>
public sealed class SqliteKeywordIndexService(StorageConnection storage, IOptions<SearchOptions> options, ILogger<SqliteKeywordIndexService> log)
    : BackgroundService
{
    const int Chunk = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.IsPostgres) return;
        await Task.Yield();
        string? lastError = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await IndexQueuedAsync(stoppingToken);
                    lastError = null;
                }
                catch (SqliteException e)
                {
                    if (e.Message != lastError) log.LogError("keyword index: {Error}", e.Message);
                    lastError = e.Message;
                }
                await Task.Delay(TimeSpan.FromSeconds(options.Value.IndexPollSeconds), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    async Task IndexQueuedAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var total = await SqliteKeywordQueue.IndexQueuedAsync(storage.ConnectionString, Chunk, null, ct);
        if (total > 0)
            log.LogInformation("indexed {Papers} papers for keyword search in {Seconds:F1} s", total, clock.Elapsed.TotalSeconds);
    }
}
