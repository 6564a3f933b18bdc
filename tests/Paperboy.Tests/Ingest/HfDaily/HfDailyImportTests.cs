using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest;
using Paperboy.Ingest.HfDaily;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.HfDaily;

public abstract class HfDailyImportTests(Engine engine)
{
    static string Day(string name) => SharedData.PathOf("hf-daily-papers", name);

    static Task<ImportSummary> ImportAsync(PaperboyFactory app, params string[] paths) =>
        app.Services.GetRequiredService<HfDailyImporter>().ImportFilesAsync(paths, null, CancellationToken.None);

    [Fact]
    public async Task ImportingTheSameDaysTwiceChangesNothing()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var days = new TempFolder().With(Day("2024-06-10.json"), Day("2026-04-10.json"), Day("2026-04-16.json"), Day("2026-08-21.json"));

        var first = await ImportAsync(app, days.Path);
        var papers = await app.WithDbAsync(db => db.Set<Paper>().OrderBy(p => p.Id).ToListAsync());
        var featured = await app.WithDbAsync(db => db.Set<FeaturedPaper>().OrderBy(f => f.PaperId).ToListAsync());
        var second = await ImportAsync(app, days.Path);

        Assert.Null(first.Error);
        Assert.Equal(papers.Count, first.Counts.New);
        Assert.Equal(papers.Count, featured.Count);
        Assert.Equal(new ImportCounts(0, 0, first.Counts.Papers, 0), second.Counts); // 2604.07429 is on two of these days
        Assert.Equivalent(papers, await app.WithDbAsync(db => db.Set<Paper>().OrderBy(p => p.Id).ToListAsync()));
        Assert.Equivalent(featured, await app.WithDbAsync(db => db.Set<FeaturedPaper>().OrderBy(f => f.PaperId).ToListAsync()));
    }

    [Fact]
    public async Task APaperOnTwoDaysIsFeaturedOnceOnTheFirstDayWhicheverIsImportedFirst()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportAsync(app, Day("2026-04-16.json"));
        await ImportAsync(app, Day("2026-04-10.json"));
        await ImportAsync(app, Day("2026-04-16.json"));

        var rows = await app.WithDbAsync(db => db.Set<FeaturedPaper>().Where(f => f.PaperId == "2604.07429").ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(new DateOnly(2026, 4, 10), row.Day);
        Assert.Equal(FeaturedSource.HfImport, row.Source);
    }

    [Fact]
    public async Task PythonReprAndWrappedDaysAreReportedByFileAndTheOthersImported()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var days = new TempFolder().With(Day("2024-12-11.json"), Day("2025-01-10.json"), Day("2025-01-13.json"));

        var summary = await ImportAsync(app, days.Path);

        Assert.Null(summary.Error);
        Assert.Equal(["2024-12-11.json", "2025-01-10.json"], summary.Problems.Select(p => p.Where));
        Assert.Contains("Python-repr", summary.Problems[0].Reason);
        Assert.Contains("wrapped in an object {status, date, count, data}", summary.Problems[1].Reason);
        Assert.True(summary.Counts.New > 0);
        Assert.Equal(summary.Counts.New, await app.WithDbAsync(db => db.Set<Paper>().CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<FeaturedPaper>().AnyAsync(f => f.Day == new DateOnly(2024, 12, 11) || f.Day == new DateOnly(2025, 1, 10))));
        var run = await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync("hf-daily", default);
        Assert.Equal(ImportStatus.Succeeded, run!.Status);
        Assert.StartsWith("2 rejected: 2024-12-11.json: ", run.Error);
    }

    [Fact]
    public async Task AReimportRefreshesHfVotesCommentsAndStarsButNeverLocalVotes()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var days = new TempFolder().With(Day("2026-08-21.json"));
        await ImportAsync(app, days.Path);
        await app.WithDbAsync(db => db.Set<Paper>().Where(p => p.Id == "2608.19880").ExecuteUpdateAsync(s => s.SetProperty(p => p.LocalUpvotes, 5)));

        var json = JsonNode.Parse(File.ReadAllText(days.File("2026-08-21.json")))!.AsArray();
        var entry = json.Single(e => (string?)e!["paper"]!["id"] == "2608.19880")!;
        entry["paper"]!["upvotes"] = 999;
        entry["paper"]!["githubStars"] = 4242;
        entry["numComments"] = 7;
        File.WriteAllText(days.File("2026-08-21.json"), json.ToJsonString());
        var summary = await ImportAsync(app, days.Path);

        var paper = await app.WithDbAsync(db => db.Set<Paper>().SingleAsync(p => p.Id == "2608.19880"));
        Assert.Equal(1, summary.Counts.Updated);
        Assert.Equal((999, 5, 1004), (paper.ImportedUpvotes, paper.LocalUpvotes, paper.Upvotes));
        Assert.Equal((4242, 7), (paper.GithubStars, paper.ImportedComments));
    }

    [Fact]
    public async Task EveryRecordedDayImportsAndASecondImportChangesNothing()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var folder = SharedData.PathOf("hf-daily-papers");

        var first = await ImportAsync(app, folder);
        var second = await ImportAsync(app, folder);

        Assert.Equal(22, first.ProblemCount);
        var papers = await app.WithDbAsync(db => db.Set<Paper>().CountAsync());
        Assert.Equal(first.Counts.New, papers);
        Assert.Equal(papers, await app.WithDbAsync(db => db.Set<FeaturedPaper>().CountAsync()));
        Assert.Equal(first.Counts.Papers - 4, papers); // four papers appear on two days
        Assert.Equal((0, 0, first.Counts.Papers), (second.Counts.New, second.Counts.Updated, second.Counts.Unchanged));
        var days = await app.WithDbAsync(db => db.Set<FeaturedPaper>().Where(f => new[] { "2604.07429", "2606.11176", "2608.12313", "2608.13558" }.Contains(f.PaperId))
            .OrderBy(f => f.PaperId).Select(f => f.Day).ToListAsync());
        Assert.Equal([new DateOnly(2026, 4, 10), new DateOnly(2026, 6, 10), new DateOnly(2026, 8, 13), new DateOnly(2026, 8, 14)], days);
    }
}

public sealed class SqliteHfDailyImportTests() : HfDailyImportTests(Engine.Sqlite);
public sealed class PostgresHfDailyImportTests() : HfDailyImportTests(Engine.Postgres);
