using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Cli;

/// <summary>The README's PostgreSQL backup, run once as written: pg_dump -Fc, then pg_restore --clean --if-exists into another hub's database.</summary>
public sealed class PostgresBackupTests
{
    const string Bin = "/usr/lib/postgresql/15/bin";

    [Fact]
    public async Task ADumpRestoredIntoAnotherHubsDatabaseServesThePapersAndTheirDiscussion()
    {
        await using var old = await PaperboyFactory.StartAsync(Engine.Postgres);
        await AddPaperAsync(old, "2601.00001", "Kept across the restore");
        var (ada, _) = await AddUserAsync(old, "ada");
        await old.WithDbAsync(async db =>
        {
            db.Add(new Comment { PaperId = "2601.00001", UserId = ada.Id, Text = "still here", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        using var folder = new TempFolder();
        var dump = folder.File("paperboy.dump");
        await RunAsync("pg_dump", "-Fc", "-f", dump, Libpq(old.Database.ConnectionString));

        await using var fresh = await PaperboyFactory.StartAsync(Engine.Postgres);
        await RunAsync("pg_restore", "--clean", "--if-exists", "-d", Libpq(fresh.Database.ConnectionString), dump);

        var client = fresh.CreateClient();
        var paper = await client.GetFromJsonAsync<JsonElement>("/api/papers/2601.00001");
        Assert.Equal("Kept across the restore", paper.GetProperty("title").GetString());
        var comments = await client.GetFromJsonAsync<JsonElement>("/api/papers/2601.00001/comments");
        Assert.Contains("still here", comments.GetRawText());
        // Every migration is recorded in the restored database: the hub is ready.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    /// <summary>The connection as pg_dump and pg_restore take it (libpq's key=value form).</summary>
    static string Libpq(string npgsql)
    {
        var b = new NpgsqlConnectionStringBuilder(npgsql);
        return $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}";
    }

    static async Task RunAsync(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(Bin, tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(p.ExitCode == 0, $"{tool} exited {p.ExitCode}: {await error}");
    }
}
