using Microsoft.Extensions.DependencyInjection;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Storage;

/// <summary>Job leases on both engines: one holder at a time, taken over when expired, released only by the holder.</summary>
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
}

public sealed class SqliteJobLeaseTests() : JobLeaseTests(Engine.Sqlite);
public sealed class PostgresJobLeaseTests() : JobLeaseTests(Engine.Postgres);
