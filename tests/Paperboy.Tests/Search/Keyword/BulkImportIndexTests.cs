using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest;
using Paperboy.Ingest.Writing;
using Paperboy.Search;
using Paperboy.Search.Keyword;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Search.Keyword;

/// <summary>
/// SQLite: a bulk import (the snapshot) queues its new papers for the keyword index instead of indexing them one by
/// one; the queue is indexed at the end of the import or by the hub in the background, and edits and deletes of
/// queued papers keep the index whole.
/// </summary>
public sealed class BulkImportIndexTests
{
    static PaperRecord Record(string id, string title) => new()
    {
        Id = id, Version = 1, IsArxivMetadata = true, Title = title, Abstract = $"An abstract about {title.ToLowerInvariant()}.",
        Authors = ["Ada Lovelace"], Categories = ["cs.LG"],
        PublishedAt = new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc),
    };

    static async Task WriteAsync(PaperboyFactory app, bool bulk, params PaperRecord[] papers)
    {
        await using var writer = await app.Services.GetRequiredService<PaperUpserter>().OpenAsync(default);
        await writer.WriteAsync(ImportBatch.Of(papers) with { IndexLater = bulk }, null, default);
    }

    static async Task<IReadOnlyList<string>> SearchAsync(PaperboyFactory app, string text)
    {
        var (q, _) = SearchQueryParser.Parse(text);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaperSearch>()
            .RankAsync(new SearchRequest(q!, SearchFilters.From(q!), Mode: SearchMode.Keyword), CancellationToken.None);
    }

    static async Task<SqliteConnection> OpenAsync(PaperboyFactory app)
    {
        var conn = new SqliteConnection(app.Services.GetRequiredService<StorageConnection>().ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    static async Task AssertIndexIsWholeAsync(SqliteConnection conn)
    {
        await using var check = new SqliteCommand("INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')", conn);
        await check.ExecuteNonQueryAsync(); // throws "database disk image is malformed" when the index and papers disagree
    }

    [Fact]
    public async Task QueuedPapersAreFoundOnceIndexedAndEditsAndDeletesBeforeThatKeepTheIndexWhole()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:Search:IndexPollSeconds"] = "3600" });
        await WriteAsync(app, bulk: false, Record("2601.00001", "Indexed at once: sparse attention"));
        await WriteAsync(app, bulk: true, Record("2601.00002", "Queued: sparse kernels"), Record("2601.00003", "Queued: sparse routing"),
            Record("2601.00004", "Queued: sparse gradients"));
        Assert.Equal(["2601.00001"], await SearchAsync(app, "sparse"));

        await app.WithDbAsync(async db =>
        {
            (await db.Set<Paper>().AsTracking().SingleAsync(p => p.Id == "2601.00002")).Title = "Queued then renamed: dense kernels";
            db.Remove(await db.Set<Paper>().AsTracking().SingleAsync(p => p.Id == "2601.00003"));
            (await db.Set<Paper>().AsTracking().SingleAsync(p => p.Id == "2601.00001")).Title = "Indexed then renamed: dense attention";
            await db.SaveChangesAsync();
        });
        await WriteAsync(app, bulk: false, Record("2601.00005", "Written after the bulk batch: sparse coding"));
        Assert.Equal(["2601.00001", "2601.00005"], (await SearchAsync(app, "sparse")).Order()); // 00001's abstract still says sparse
        Assert.Equal(["2601.00001"], await SearchAsync(app, "dense"));

        await using var conn = await OpenAsync(app);
        Assert.Equal(2L, await SqliteKeywordQueue.CountAsync(conn, default));
        Assert.Equal(2, await SqliteKeywordQueue.ApplyAsync(conn, 1000, default));
        Assert.Equal(0L, await SqliteKeywordQueue.CountAsync(conn, default));
        Assert.Equal(["2601.00001", "2601.00002", "2601.00004", "2601.00005"], (await SearchAsync(app, "sparse")).Order());
        Assert.Equal(["2601.00001", "2601.00002"], (await SearchAsync(app, "dense")).Order());
        Assert.Empty(await SearchAsync(app, "routing"));
        await AssertIndexIsWholeAsync(conn);
    }

    [Fact]
    public async Task TheHubIndexesWhatABulkImportQueuedInTheBackground()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:Search:IndexPollSeconds"] = "0.1" });
        await WriteAsync(app, bulk: true, Record("2601.00002", "Queued: sparse kernels"));
        await Eventually.WaitUntilAsync(async () => (await SearchAsync(app, "kernels")).Count > 0, TimeSpan.FromSeconds(20),
            "the hub to index the queued paper");
        Assert.Equal(["2601.00002"], await SearchAsync(app, "kernels"));
        await using var conn = await OpenAsync(app);
        await AssertIndexIsWholeAsync(conn);
    }

    [Fact]
    public async Task ASnapshotImportIndexesASmallQueueBeforeItEnds()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:Search:IndexPollSeconds"] = "3600" });
        var summary = await app.Services.GetRequiredService<Paperboy.Ingest.Arxiv.SnapshotImporter>()
            .ImportAsync(SharedData.PathOf("arxiv-snapshot", "snapshot-head200.jsonl"), null, CancellationToken.None);
        Assert.Equal(0, summary.AwaitingIndex);
        Assert.Equal("0704.0002", (await SearchAsync(app, "Sparsity-certifying Graph Decompositions"))[0]);
        await using var conn = await OpenAsync(app);
        Assert.Equal(0L, await SqliteKeywordQueue.CountAsync(conn, default));
        await AssertIndexIsWholeAsync(conn);
    }

    /// <summary>Writes papers one transaction each with FTS5's automerge off, so that each leaves a segment of its own.</summary>
    static async Task<SqliteConnection> ManySegmentsAsync(PaperboyFactory app, int papers)
    {
        var conn = await OpenAsync(app);
        await using (var off = new SqliteCommand("INSERT INTO papers_fts (papers_fts, rank) VALUES ('automerge', 0)", conn))
            await off.ExecuteNonQueryAsync();
        for (var i = 1; i <= papers; i++)
            await WriteAsync(app, bulk: false, Record($"2601.{i:00000}", i % 2 == 0 ? $"Sparse attention, part {i}" : $"Dense retrieval, part {i}"));
        return conn;
    }

    [Fact]
    public async Task AnIndexInMoreSegmentsThanAllowedIsMergedIntoOneAndFindsTheSamePapers()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:Search:IndexPollSeconds"] = "3600" });
        await using var conn = await ManySegmentsAsync(app, 12);
        var connectionString = app.Services.GetRequiredService<StorageConnection>().ConnectionString;
        Assert.True(await SqliteKeywordQueue.SegmentsAsync(conn, default) >= 12);
        var before = await SearchAsync(app, "sparse");
        Assert.Equal(6, before.Count);

        Assert.Equal(0, await SqliteKeywordQueue.CompactAsync(connectionString, maxSegments: 100, pages: 1, default));
        Assert.True(await SqliteKeywordQueue.CompactAsync(connectionString, maxSegments: 8, pages: 1, default) >= 12);

        Assert.Equal(1, await SqliteKeywordQueue.SegmentsAsync(conn, default));
        Assert.Equal(before, await SearchAsync(app, "sparse"));
        Assert.Equal(["2601.00007"], await SearchAsync(app, "\"part 7\""));
        await AssertIndexIsWholeAsync(conn);
    }

    [Fact]
    public async Task TheHubMergesTheIndexAfterIndexingWhatABulkImportQueued()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>
        {
            ["Paperboy:Search:IndexPollSeconds"] = "0.1", ["Paperboy:Search:Keyword:MaxSegments"] = "4",
        });
        await using var conn = await ManySegmentsAsync(app, 10);
        await WriteAsync(app, bulk: true, Record("2601.00100", "Queued: sparse kernels"));
        await Eventually.WaitUntilAsync(async () => await SqliteKeywordQueue.SegmentsAsync(conn, default) <= 1, TimeSpan.FromSeconds(20),
            "the hub to merge the keyword index into one segment");
        Assert.Equal(1, await SqliteKeywordQueue.SegmentsAsync(conn, default));
        Assert.Equal(6, (await SearchAsync(app, "sparse")).Count);
        await AssertIndexIsWholeAsync(conn);
    }
}
