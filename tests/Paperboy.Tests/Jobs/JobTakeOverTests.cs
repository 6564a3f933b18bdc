using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Jobs;

// Status 1 is ImportStatus.Succeeded.

/// <summary>
/// Two real instances on one PostgreSQL database, both scheduled to import HF's daily lists at start: one runs the
/// import under its lease, and when it is killed mid-run (SIGKILL: no clean-up) the other takes the job over once
/// the lease runs out unrenewed, and finishes it.
/// </summary>
public class JobTakeOverTests
{
    [Fact]
    public async Task WhenTheInstanceRunningAnImportIsKilledAnotherTakesItOverAndFinishesIt()
    {
        var asked = 0;
        // HF answers every day with the recorded 2026-08-21, slowly, so the run is still going when its instance dies.
        await using var hf = await RecordedHttpServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref asked);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await RecordedHttpServer.SendFileAsync(context, SharedData.PathOf("hf-daily-papers", "2026-08-21.json"), "application/json");
        });
        await using var db = await TestDatabase.CreateAsync(Engine.Postgres);
        var settings = db.Settings;
        settings["Paperboy:Ingest:Scheduled"] = "true";
        settings["Paperboy:Ingest:HfDailyDays"] = "2";
        settings["Paperboy:Sources:HfDaily:BaseUrl"] = hf.BaseAddress.ToString();
        await using var first = await ServingHub.StartAsync(settings);
        await using var second = await ServingHub.StartAsync(settings);

        await Eventually.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref asked) > 0), TimeSpan.FromSeconds(60), "an instance to start the import");
        var holder = await db.DumpAsync("SELECT holder FROM job_leases WHERE name = 'import-hf-daily'");
        var (running, other) = holder.Contains($":{first.Process.Id}:") ? (first, second) : (second, first);
        Assert.Contains($":{running.Process.Id}:", holder);
        await running.Process.KillAsync();

        await Eventually.WaitUntilAsync(async () => (await db.DumpAsync("SELECT count(*) FROM import_runs WHERE source = 'hf-daily' AND status = 1")) != "0\n",
            TimeSpan.FromSeconds(90), "the other instance to take the import over and finish it", pollEvery: TimeSpan.FromSeconds(1));
        Assert.Equal("17\n", await db.DumpAsync("SELECT count(DISTINCT paper_id) FROM featured_papers"));
        Assert.Contains("2026-08-21", await other.Client.GetStringAsync("/api/daily_papers?date=2026-08-21"));
    }
}
