using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Paperboy.Storage;

/// <summary>
/// Applies the hand-written SQL migrations of the engine in force (embedded from Storage/Migrations/{Sqlite,Postgres}),
/// in file-name order, each in its own transaction, recording them in <c>schema_migrations</c>.
/// On PostgreSQL an advisory lock keeps several instances starting at once from racing.
/// </summary>
public sealed class Migrator(IServiceScopeFactory scopes, ILogger<Migrator> log)
{
    const long AdvisoryLockKey = 0x5061706572626F79; // "Paperboy"

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        try
        {
            if (db.IsPostgres) await ExecAsync(conn, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
            else await ExecAsync(conn, "PRAGMA journal_mode=WAL", ct);
            await ExecAsync(conn, "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)", ct);
            var applied = await AppliedAsync(conn, ct);
            var done = new List<string>();
            foreach (var (version, sql) in Scripts(db.IsPostgres))
            {
                if (applied.Contains(version)) continue;
                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecAsync(conn, sql, ct, tx);
                await ExecAsync(conn, $"INSERT INTO schema_migrations (version, applied_at) VALUES ('{version}', '{DateTime.UtcNow:O}')", ct, tx);
                await tx.CommitAsync(ct);
                log.LogInformation("applied migration {Version}", version);
                done.Add(version);
            }
            return done;
        }
        finally
        {
            if (db.IsPostgres) await ExecAsync(conn, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            await conn.CloseAsync();
        }
    }

    /// <summary>The migrations of this version that the database has not applied (all of them before the first start).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = db.IsPostgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = current_schema()"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        var applied = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 0 ? [] : await AppliedAsync(conn, ct);
        return Scripts(db.IsPostgres).Select(s => s.Version).Where(v => !applied.Contains(v)).ToList();
    }

    static IEnumerable<(string Version, string Sql)> Scripts(bool postgres)
    {
        var prefix = $"Paperboy.Migrations.{(postgres ? "Postgres" : "Sqlite")}/";
        var asm = typeof(Migrator).Assembly;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (Path.GetFileNameWithoutExtension(name[prefix.Length..]), reader.ReadToEnd());
        }
    }

    static async Task<HashSet<string>> AppliedAsync(DbConnection conn, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT version FROM schema_migrations";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var set = new HashSet<string>();
        while (await reader.ReadAsync(ct)) set.Add(reader.GetString(0));
        return set;
    }

    static async Task ExecAsync(DbConnection conn, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
