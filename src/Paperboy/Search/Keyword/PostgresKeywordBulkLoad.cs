using Npgsql;

namespace Paperboy.Search.Keyword;

/// <summary>
/// The keyword index (RUM over papers.search_vector, migration 0005) during a bulk import on PostgreSQL. RUM has no
/// pending list: a row inserted under the index costs about 4.5 ms of server CPU (each lexeme's posting tree, each page
/// change written to WAL as a generic record), thirteen times what building the index over the same rows costs
/// (docs/benchmarks.md, "PostgreSQL bulk import (issue 13)"). So a bulk import that brings many papers for the size of
/// the table drops the index, writes without it, and builds it again at its end: the SQLite queue's counterpart
/// (<see cref="SqliteKeywordQueue"/>). The search vector itself stays a generated column, computed in the import's
/// set-based INSERT ... SELECT.
/// </summary>
/// <remarks>
/// While the index is away, keyword search still answers, by a sequential scan. An import that dropped it holds a shared
/// advisory lock for the rest of its session; whoever finds the index missing builds it only when no such lock is held
/// (an import killed after dropping it has lost its session, so the next import to finish builds it, or
/// <c>paperboy search reindex</c>).
/// </remarks>
public static class PostgresKeywordBulkLoad
{
    /// <summary>The index and its definition, exactly as migration 0005 creates it.</summary>
    const string Index = "ix_papers_search_vector";
    const string Create = $"CREATE INDEX IF NOT EXISTS {Index} ON papers USING rum (search_vector rum_tsvector_ops)";

    /// <summary>The advisory lock an import that dropped the index holds (shared; the builder takes it exclusively).</summary>
    const long LockKey = 0x7061_7065_7262_6f79; // "paperboy"

    /// <summary>Building is worth it once the papers an import adds reach this fraction of the papers stored before it.</summary>
    const double DeferFraction = 1.0 / 8;

    /// <summary>
    /// True when an import that has added <paramref name="added"/> papers (this batch's new ones included) into a table
    /// of <paramref name="storedBefore"/> papers should write the rest without the index: building it afresh costs
    /// about what maintaining it for an eighth of the table's rows does.
    /// </summary>
    public static bool ShouldDefer(long storedBefore, long added) => added > 0 && added >= storedBefore * DeferFraction;

    public static async Task<bool> IsPresentAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT to_regclass(@index) IS NOT NULL", conn, tx);
        cmd.Parameters.AddWithValue("index", Index);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Inside the caller's (batch) transaction: drops the index, waiting at most a moment for readers holding the table
    /// (the lock is then held until the batch commits), and marks this session as an import writing without it. Returns
    /// false, with the transaction as it was, when the table was too busy: the import goes on under the index.
    /// </summary>
    public static async Task<bool> DeferAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await tx.SaveAsync("defer_index", ct);
        try
        {
            await using var cmd = new NpgsqlCommand($"SET LOCAL lock_timeout = '2s'; DROP INDEX IF EXISTS {Index}; SET LOCAL lock_timeout TO DEFAULT", conn, tx);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await tx.RollbackAsync("defer_index", ct);
            return false;
        }
        await tx.ReleaseAsync("defer_index", ct);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_lock_shared({LockKey})", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);
        return true;
    }

    /// <summary>
    /// Builds the index when it is missing and no import is writing without it (this session's own mark is released
    /// first). Returns true when it built it. The build takes a SHARE lock: readers go on, writers wait for it.
    /// </summary>
    public static async Task<bool> RestoreAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using (var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock_all()", conn))
            await unlock.ExecuteNonQueryAsync(ct);
        if (await IsPresentAsync(conn, null, ct)) return false;
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Transaction-scoped, so that a build killed half-way leaves no lock behind.
        await using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({LockKey})", conn, tx))
            if (!(bool)(await take.ExecuteScalarAsync(ct))!) return false;
        // The build's memory: larger is slower for RUM (a deeper tree of lexemes to insert into); the default 64 MB measured best.
        await using (var build = new NpgsqlCommand(Create, conn, tx) { CommandTimeout = 0 })
            await build.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Builds the index when it is missing and no import is writing without it (<c>paperboy search reindex</c>).</summary>
    public static async Task<bool> RestoreAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        return await RestoreAsync(conn, ct);
    }
}
