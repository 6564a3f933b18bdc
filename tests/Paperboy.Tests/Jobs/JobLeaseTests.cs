using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Paperboy.Ingest;
using Paperboy.Ingest.Schedules;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Jobs;

/// <summary>Job leases on both engines: one holder at a time, taken over when expired, given back when a run ends.</summary>
public abstract class JobLeaseTests(Engine engine)
{
    [Fact]
    public async Task OneInstanceHoldsAJobUntilItsLeaseExpires()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var leases = app.Services.GetRequiredService<JobLeases>();

        Assert.True(await leases.TryAcquireAsync("import-hf-daily", TimeSpan.FromMinutes(50), default, holder: "a"));
        Assert.False(await leases.TryAcquireAsync("import-hf-daily", TimeSpan.FromMinutes(50), default, holder: "b"));
        Assert.True(await leases.TryAcquireAsync("import-arxiv-categories", TimeSpan.FromMinutes(50), default, holder: "b"));
        Assert.True(await leases.TryAcquireAsync("import-hf-daily", TimeSpan.FromMilliseconds(-1), default, holder: "a"));
        Assert.True(await leases.TryAcquireAsync("import-hf-daily", TimeSpan.FromMinutes(50), default, holder: "b"));
    }

    [Fact]
    public async Task AReleasedLeaseCanBeTakenByAnotherInstanceAtOnce()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var leases = app.Services.GetRequiredService<JobLeases>();
        Assert.True(await leases.TryAcquireAsync("digest-send", TimeSpan.FromMinutes(30), default, holder: "a"));

        await leases.ReleaseAsync("digest-send", default, holder: "a");

        Assert.True(await leases.TryAcquireAsync("digest-send", TimeSpan.FromMinutes(30), default, holder: "b"));
    }

    [Fact]
    public async Task OnlyTheHolderCanReleaseALease()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var leases = app.Services.GetRequiredService<JobLeases>();
        Assert.True(await leases.TryAcquireAsync("digest-send", TimeSpan.FromMinutes(30), default, holder: "a"));

        await leases.ReleaseAsync("digest-send", default, holder: "b");

        Assert.False(await leases.TryAcquireAsync("digest-send", TimeSpan.FromMinutes(30), default, holder: "b"));
    }

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

public sealed class SqliteJobLeaseTests() : JobLeaseTests(Engine.Sqlite);
public sealed class PostgresJobLeaseTests() : JobLeaseTests(Engine.Postgres);
