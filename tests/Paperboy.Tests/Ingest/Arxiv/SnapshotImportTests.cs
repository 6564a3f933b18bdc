using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Arxiv;

public abstract class SnapshotImportTests(Engine engine)
{
    static readonly string Head = SharedData.PathOf("arxiv-snapshot", "snapshot-head200.jsonl");

    static SnapshotImporter Importer(PaperboyFactory app, int batchSize = 10_000) =>
        new(app.Services.GetRequiredService<ImportRunner>()) { BatchSize = batchSize };

    [Fact]
    public async Task ThePlainAndTheGzipFileImportTheSamePapersOnce()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var temp = new TempFolder();
        await using (var gz = new GZipStream(File.Create(temp.File("head.jsonl.gz")), CompressionLevel.Fastest))
        await using (var plain = File.OpenRead(Head)) await plain.CopyToAsync(gz);

        var first = await Importer(app, 64).ImportAsync(Head, null, default);
        var second = await Importer(app, 64).ImportAsync(temp.File("head.jsonl.gz"), null, default);

        Assert.Equal(new ImportCounts(200, 0, 0, 0), first.Counts);
        Assert.Equal(new ImportCounts(0, 0, 200, 0), second.Counts);
        var paper = await app.WithDbAsync(db => db.Set<Paper>().SingleAsync(p => p.Id == "0704.0001"));
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", paper.Title);
        Assert.Equal(2, paper.Version);
        Assert.Equal(new DateTime(2007, 4, 2, 19, 18, 42, DateTimeKind.Utc), paper.PublishedAt);
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"], paper.Authors);
        Assert.StartsWith("A fully differential calculation in perturbative quantum chromodynamics is presented for", paper.Abstract);
    }

    [Fact]
    public async Task ABrokenLineIsReportedWithItsNumberAndTheRestIsImported()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var temp = new TempFolder();
        var lines = File.ReadAllLines(Head).ToList();
        lines[2] = lines[2][..40];
        File.WriteAllLines(temp.File("broken.jsonl"), lines);

        var summary = await Importer(app).ImportAsync(temp.File("broken.jsonl"), null, default);

        Assert.Equal(new ImportCounts(199, 0, 0, 1), summary.Counts);
        var problem = Assert.Single(summary.Problems);
        Assert.Equal("line 3", problem.Where);
        Assert.StartsWith("not valid JSON", problem.Reason);
        var run = await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync("snapshot", default);
        Assert.Equal((ImportStatus.Succeeded, 199, 1), (run!.Status, run.New, run.Rejected));
        Assert.StartsWith("1 rejected: line 3: not valid JSON", run.Error);
    }

    [Fact]
    public async Task ACancelledImportResumesFromItsCursorInsteadOfStartingOver()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(c => { if (c.Total >= 50) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer(app, 50).ImportAsync(Head, progress, cancel.Token));
        var killed = await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync("snapshot", default);
        var resumed = await Importer(app, 50).ImportAsync(Head, null, default);

        Assert.Equal(ImportStatus.Failed, killed!.Status);
        Assert.StartsWith("line=", killed.Cursor);
        Assert.Contains("cancelled", killed.Error);
        var done = await app.WithDbAsync(db => db.Set<Paper>().CountAsync());
        Assert.Equal(200, done);
        Assert.Equal(200 - killed.New, resumed.Counts.New);
        Assert.Equal(0, resumed.Counts.Unchanged);
    }

    [Fact]
    public async Task AKilledImportLeftRunningIsResumedAndMarkedInterrupted()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var lines = File.ReadAllLines(Head);
        var offset = lines.Take(120).Sum(l => System.Text.Encoding.UTF8.GetByteCount(l) + 1);
        await app.WithDbAsync(async db =>
        {
            db.Add(new ImportRun { Source = "snapshot", Scope = "file " + Path.GetFullPath(Head), Status = ImportStatus.Running, Cursor = $"line=120 offset={offset}", StartedAt = DateTime.UtcNow.AddMinutes(-5) });
            await db.SaveChangesAsync();
        });

        var summary = await Importer(app).ImportAsync(Head, null, default);

        Assert.Equal(new ImportCounts(80, 0, 0, 0), summary.Counts);
        Assert.False(await app.WithDbAsync(db => db.Set<Paper>().AnyAsync(p => p.Id == "0704.0001")));
        Assert.True(await app.WithDbAsync(db => db.Set<Paper>().AnyAsync(p => p.Id == "0704.0200")));
        var runs = await app.WithDbAsync(db => db.Set<ImportRun>().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(ImportStatus.Failed, runs[0].Status);
        Assert.StartsWith($"interrupted; run {runs[1].Id} resumed it from line=120", runs[0].Error);
        Assert.Equal(ImportStatus.Succeeded, runs[1].Status);
    }

    sealed class Progress(Action<ImportCounts> report) : IProgress<ImportCounts>
    {
        public void Report(ImportCounts value) => report(value);
    }
}

public sealed class SqliteSnapshotImportTests() : SnapshotImportTests(Engine.Sqlite);
public sealed class PostgresSnapshotImportTests() : SnapshotImportTests(Engine.Postgres);
