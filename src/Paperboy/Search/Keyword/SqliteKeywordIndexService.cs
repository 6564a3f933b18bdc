using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Paperboy.Storage;

namespace Paperboy.Search.Keyword;

/// <summary>
/// While serving on SQLite: indexes for keyword search what bulk imports queued (this process's, or a CLI import's
/// against the same file), a chunk per transaction so that other writers wait at most a fraction of a second; and
/// when imports have left the index in too many segments, merges them (<see cref="SqliteKeywordQueue.CompactAsync"/>).
/// </summary>
public sealed class SqliteKeywordIndexService(
    StorageConnection storage, IOptions<SearchOptions> options, IOptions<KeywordIndexOptions> keyword, ILogger<SqliteKeywordIndexService> log)
    : BackgroundService
{
    const int Chunk = 5_000;
    /// <summary>Pages of merged output per transaction: about 0.2–0.4 s of work.</summary>
    public const int MergePages = 2_000;
    static readonly TimeSpan CompactEvery = TimeSpan.FromMinutes(1);
    DateTime nextCompact = DateTime.MinValue;

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
                    if (DateTime.UtcNow >= nextCompact)
                    {
                        await CompactAsync(stoppingToken);
                        nextCompact = DateTime.UtcNow + CompactEvery;
                    }
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
        {
            log.LogInformation("indexed {Papers} papers for keyword search in {Seconds:F1} s", total, clock.Elapsed.TotalSeconds);
            nextCompact = DateTime.MinValue;
        }
    }

    async Task CompactAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var segments = await SqliteKeywordQueue.CompactAsync(storage.ConnectionString, keyword.Value.MaxSegments, MergePages, ct);
        if (segments > 0)
            log.LogInformation("merged the keyword index's {Segments} segments into one in {Seconds:F1} s", segments, clock.Elapsed.TotalSeconds);
    }
}
