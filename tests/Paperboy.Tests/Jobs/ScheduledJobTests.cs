using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Paperboy.Ingest;
using Paperboy.Ingest.Schedules;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Jobs;

/// <summary>A scheduled job runs under its lease (the HF import's schedule as the example), on both engines.</summary>
public abstract class ScheduledJobTests(Engine engine)
{
    [Fact]
    public async Task AScheduledRunGivesItsLeaseBackWhenItEnds()
    {
        await using var app = await PaperboyFactory.StartAsync(engine, new Dictionary<string, string?> { ["Paperboy:Sources:HfDaily:BaseUrl"] = "http://127.0.0.1:9" });
        var schedule = app.Services.GetServices<IHostedService>().OfType<HfDailySchedule>().Single();
        var leases = app.Services.GetRequiredService<JobLeases>();

        Assert.True(await schedule.RunGuardedAsync(default));

        Assert.True(await leases.TryAcquireAsync(schedule.Name, TimeSpan.FromMinutes(1), default, holder: "another instance"));
    }

    [Fact]
    public async Task AScheduledRunIsSkippedWhileAnotherInstanceHoldsTheLease()
    {
        await using var app = await PaperboyFactory.StartAsync(engine, new Dictionary<string, string?> { ["Paperboy:Sources:HfDaily:BaseUrl"] = "http://127.0.0.1:9" });
        var schedule = app.Services.GetServices<IHostedService>().OfType<HfDailySchedule>().Single();
        var leases = app.Services.GetRequiredService<JobLeases>();
        Assert.True(await leases.TryAcquireAsync(schedule.Name, TimeSpan.FromMinutes(50), default, holder: "another instance"));

        Assert.False(await schedule.RunGuardedAsync(default));

        Assert.Null(await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync("hf-daily", default));
    }
}

public sealed class SqliteScheduledJobTests() : ScheduledJobTests(Engine.Sqlite);
public sealed class PostgresScheduledJobTests() : ScheduledJobTests(Engine.Postgres);
