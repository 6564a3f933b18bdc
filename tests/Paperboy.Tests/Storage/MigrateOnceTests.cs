using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Storage;

/// <summary>Three real instances started at the same moment on one empty PostgreSQL database, as a deploy starts them.</summary>
public class MigrateOnceTests
{
    [Fact]
    public async Task ThreeInstancesStartedAtOnceMigrateTheDatabaseOnceAndAllServe()
    {
        await using var db = await TestDatabase.CreateAsync(Engine.Postgres);

        var hubs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServingHub.StartAsync(db.Settings)));
        try
        {
            foreach (var hub in hubs) Assert.Equal(System.Net.HttpStatusCode.OK, (await hub.Client.GetAsync("/readyz")).StatusCode);
            var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src/Paperboy/Storage/Migrations/Postgres"), "*.sql").Length;
            Assert.Equal($"{files}\t{files}\n", await db.DumpAsync("SELECT count(*), count(DISTINCT version) FROM schema_migrations"));
        }
        finally
        {
            foreach (var hub in hubs) await hub.DisposeAsync();
        }
    }
}
