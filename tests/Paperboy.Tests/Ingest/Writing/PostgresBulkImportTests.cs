using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Search;
using Paperboy.Search.Keyword;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Writing;

/// <summary>
/// PostgreSQL: a bulk import that brings many papers for the size of the table writes without the RUM keyword index
/// and builds it at its end (<see cref="PostgresKeywordBulkLoad"/>); one killed before that leaves the index to the
/// next import or to <c>paperboy search reindex</c>; a re-import of unchanged papers rewrites nothing.
/// </summary>
public sealed class PostgresBulkImportTests
{
    static readonly string Head = SharedData.PathOf("arxiv-snapshot", "snapshot-head200.jsonl");

    /// <summary>Four batches of 50: after the first, the table holds 50 papers and every later batch is an eighth of it or more.</summary>
    static SnapshotImporter Importer(PaperboyFactory app) => new(app.Services.GetRequiredService<ImportRunner>()) { BatchSize = 50 };

    /// <summary>The index as PostgreSQL describes it, and its identity (a rebuilt index is a new relation).</summary>
    const string IndexSql = "SELECT indexdef, (SELECT oid FROM pg_class WHERE relname = indexname) FROM pg_indexes WHERE indexname = 'ix_papers_search_vector'";

    const string RowVersionsSql = "SELECT id, xmin::text, ctid::text FROM papers ORDER BY id";

    static async Task<IReadOnlyList<string>> SearchAsync(PaperboyFactory app, string text)
    {
        var (q, _) = SearchQueryParser.Parse(text);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaperSearch>()
            .RankAsync(new SearchRequest(q!, SearchFilters.From(q!), Mode: SearchMode.Keyword), CancellationToken.None);
    }

    [Fact]
    public async Task ABulkImportIntoAnEmptyTableBuildsTheKeywordIndexAfreshAtItsEnd()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Postgres);
        var before = await app.Database.DumpAsync(IndexSql);

        var summary = await Importer(app).ImportAsync(Head, null, default);

        Assert.Equal(new ImportCounts(200, 0, 0, 0), summary.Counts);
        Assert.Equal(0, summary.AwaitingIndex);
        var after = await app.Database.DumpAsync(IndexSql);
        Assert.Equal(before.Split('\t')[0], after.Split('\t')[0]); // the migration's definition
        Assert.NotEqual(before, after); // but built afresh, not maintained row by row
        Assert.Equal("0704.0002", (await SearchAsync(app, "Sparsity-certifying Graph Decompositions"))[0]);
    }

    [Fact]
    public async Task ReImportingUnchangedPapersRewritesNoRowAndKeepsTheIndex()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Postgres);
        await Importer(app).ImportAsync(Head, null, default);
        var rows = await app.Database.DumpAsync(RowVersionsSql);
        var index = await app.Database.DumpAsync(IndexSql);

        var again = await Importer(app).ImportAsync(Head, null, default);

        Assert.Equal(new ImportCounts(0, 0, 200, 0), again.Counts);
        Assert.Equal(rows, await app.Database.DumpAsync(RowVersionsSql));
        Assert.Equal(index, await app.Database.DumpAsync(IndexSql));
    }

    [Fact]
    public async Task AnImportKilledWhileWritingWithoutTheIndexIsFinishedWithItByTheResumedImport()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Postgres);
        var definition = (await app.Database.DumpAsync(IndexSql)).Split('\t')[0];
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(c => { if (c.Total >= 50) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer(app).ImportAsync(Head, progress, cancel.Token));
        Assert.Equal("", await app.Database.DumpAsync(IndexSql));
        Assert.Equal("0704.0002", (await SearchAsync(app, "Sparsity-certifying Graph Decompositions"))[0]); // by a scan meanwhile

        var killed = await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync(SnapshotImporter.Source, default);
        var resumed = await Importer(app).ImportAsync(Head, null, default);

        Assert.Equal(new ImportCounts(200 - killed!.New, 0, 0, 0), resumed.Counts); // from the killed run's cursor
        Assert.Equal(200, await app.WithDbAsync(db => db.Set<Paper>().CountAsync()));
        Assert.Equal(definition, (await app.Database.DumpAsync(IndexSql)).Split('\t')[0]);
        Assert.Equal("0704.0002", (await SearchAsync(app, "Sparsity-certifying Graph Decompositions"))[0]);
    }

    [Fact]
    public async Task ReindexBuildsTheIndexAKilledImportLeftOut()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Postgres);
        var before = await app.Database.DumpAsync(IndexSql);
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(c => { if (c.Total >= 50) cancel.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer(app).ImportAsync(Head, progress, cancel.Token));
        Assert.Equal("", await app.Database.DumpAsync(IndexSql));

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IKeywordIndex>().RebuildAsync(default);

        Assert.Equal(before.Split('\t')[0], (await app.Database.DumpAsync(IndexSql)).Split('\t')[0]);
    }

    sealed class Progress(Action<ImportCounts> report) : IProgress<ImportCounts>
    {
        public void Report(ImportCounts value) => report(value);
    }
}
