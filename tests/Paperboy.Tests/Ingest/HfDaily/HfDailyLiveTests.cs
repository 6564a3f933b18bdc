using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Paperboy.Ingest;
using Paperboy.Ingest.HfDaily;
using Paperboy.Ingest.Schedules;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.HfDaily;

/// <summary>HF's <c>/api/daily_papers?date=</c> served from the recorded days on loopback, and an unreachable HF.</summary>
public sealed class HfDailyLiveTests
{
    /// <summary>A loopback port nothing listens on: connecting is refused at once, as when the machine is offline.</summary>
    const string Unreachable = "http://127.0.0.1:9";

    static Task<RecordedHttpServer> StartHfAsync() => RecordedHttpServer.StartAsync(async context =>
    {
        var path = SharedData.PathOf("hf-daily-papers", $"{context.Request.Query["date"]}.json");
        if (context.Request.Path != "/api/daily_papers" || !File.Exists(path)) { context.Response.StatusCode = 404; return; }
        await RecordedHttpServer.SendFileAsync(context, path, "application/json");
    });

    static Task<PaperboyFactory> StartAppAsync(string baseUrl) =>
        PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:Sources:HfDaily:BaseUrl"] = baseUrl });

    [Fact]
    public async Task ARangeOfDaysIsFetchedDayByDayAndFeaturedOnEachDay()
    {
        await using var hf = await StartHfAsync();
        await using var app = await StartAppAsync(hf.BaseAddress.ToString());

        var summary = await app.Services.GetRequiredService<HfDailyImporter>().ImportDaysAsync(new DateOnly(2026, 8, 19), new DateOnly(2026, 8, 21), null, default);

        Assert.Null(summary.Error);
        Assert.Equal(["/api/daily_papers?date=2026-08-19", "/api/daily_papers?date=2026-08-20", "/api/daily_papers?date=2026-08-21"],
            hf.Requests.OrderBy(r => r.At).Select(r => r.PathAndQuery));
        var days = await app.WithDbAsync(db => db.Set<FeaturedPaper>().GroupBy(f => f.Day).Select(g => g.Key).OrderBy(d => d).ToListAsync());
        Assert.Equal([new DateOnly(2026, 8, 19), new DateOnly(2026, 8, 20), new DateOnly(2026, 8, 21)], days);
        var run = await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync("hf-daily", default);
        Assert.Equal(("2026-08-21", ImportStatus.Succeeded, summary.Counts.New), (run!.Cursor, run.Status, run.New));
    }

    [Fact]
    public async Task AnUnreachableHfFailsTheRunWithAReadableReason()
    {
        await using var app = await StartAppAsync(Unreachable);

        var summary = await app.Services.GetRequiredService<HfDailyImporter>().ImportDaysAsync(new DateOnly(2026, 8, 21), new DateOnly(2026, 8, 21), null, default);

        Assert.StartsWith("cannot reach http://127.0.0.1:9: Connection refused", summary.Error);
        var run = await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync("hf-daily", default);
        Assert.Equal((ImportStatus.Failed, summary.Error), (run!.Status, run.Error));
        Assert.DoesNotContain(" at ", run.Error);
    }

    [Fact]
    public async Task AScheduledRunAgainstAnUnreachableHfRecordsAFailedRunAndTheHubKeepsServing()
    {
        await using var app = await StartAppAsync(Unreachable);
        var schedule = app.Services.GetServices<IHostedService>().OfType<HfDailySchedule>().Single();

        await schedule.RunGuardedAsync(default);

        var run = await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync("hf-daily", default);
        Assert.Equal(ImportStatus.Failed, run!.Status);
        Assert.StartsWith("cannot reach http://127.0.0.1:9", run.Error);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal($"days {today.AddDays(-7):yyyy-MM-dd}..{today:yyyy-MM-dd}", run.Scope);
        var response = await app.CreateClient().GetAsync("/");
        Assert.True((int)response.StatusCode < 500);
    }
}
