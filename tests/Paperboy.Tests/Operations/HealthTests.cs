using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Operations;

/// <summary>/healthz and /readyz as a load balancer and an operator read them, on both engines.</summary>
public abstract class HealthTests(Engine engine)
{
    static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(PaperboyFactory app, string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    static string Check(JsonElement body, string name, string field) => body.GetProperty("checks").GetProperty(name).GetProperty(field).GetString()!;

    [Fact]
    public async Task HealthzAnswersWhileTheProcessServesWithoutCheckingAnything()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (status, body) = await GetAsync(app, "/healthz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task ReadyzIsHealthyWithTheDatabaseTheModelAndTheSmtpServerAndOnlyWarnsWhenSmtpIsDown()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(engine, smtp.Settings);

        var (status, body) = await GetAsync(app, "/readyz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("reachable, every migration applied", Check(body, "database", "description"));
        Assert.Equal("arctic-xs loaded", Check(body, "embedding model", "description"));
        Assert.Equal($"127.0.0.1:{smtp.Port} answers", Check(body, "smtp", "description"));

        await smtp.StopAsync();
        (status, body) = await GetAsync(app, "/readyz");
        Assert.Equal(HttpStatusCode.OK, status); // pages still serve; mail waits in the outbox
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", Check(body, "smtp", "status"));
        Assert.StartsWith($"127.0.0.1:{smtp.Port} unreachable (", Check(body, "smtp", "description"));
        Assert.Equal("Healthy", Check(body, "database", "status"));
    }

    [Fact]
    public async Task ReadyzIsUnavailableWhileAMigrationIsMissing()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var last = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT max(version) AS \"Value\" FROM schema_migrations").SingleAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"DELETE FROM schema_migrations WHERE version = '{last}'"));

        var (status, body) = await GetAsync(app, "/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal($"1 migration(s) not applied: {last}", Check(body, "database", "description"));
    }
}

public sealed class SqliteHealthTests() : HealthTests(Engine.Sqlite);
public sealed class PostgresHealthTests() : HealthTests(Engine.Postgres);
