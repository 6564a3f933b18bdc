using Microsoft.Data.Sqlite;
using Paperboy.Storage;

namespace Paperboy.Search.Keyword;

/// <summary>
/// The keyword-index queue of bulk imports (<c>papers_fts_pending</c>, migration 0006): while a bulk batch writes,
/// new papers are queued instead of indexed one by one; this indexes the queue a chunk of rowids per statement, so
/// that FTS5 writes one segment per chunk instead of one per paper.
/// </summary>
public static class SqliteKeywordQueue
{
    const string ChunkSql = """
        SELECT count(*), max(paper_rowid) FROM (SELECT paper_rowid FROM papers_fts_pending ORDER BY paper_rowid LIMIT $max)
        """;

    const string ApplySql = """
        INSERT INTO papers_fts (rowid, title, abstract, authors)
        SELECT p.rowid, p.title, p.abstract, p.authors FROM papers_fts_pending q JOIN papers p ON p.rowid = q.paper_rowid
        WHERE q.paper_rowid <= $last;
        DELETE FROM papers_fts_pending WHERE paper_rowid <= $last;
        """;

    /// <summary>Name and text of the insert trigger that indexes paper by paper (migration 0005).</summary>
    const string IndexingTrigger = "papers_fts_after_insert";

    const string QueueingTrigger = """
        CREATE TRIGGER papers_fts_after_insert AFTER INSERT ON papers BEGIN
            INSERT INTO papers_fts_pending (paper_rowid) VALUES (new.rowid) ON CONFLICT (paper_rowid) DO NOTHING;
        END
        """;

    /// <summary>The statement that puts the indexing insert trigger back (read from the database, so it stays the migration's).</summary>
    public static string IndexingTriggerSql(SqliteConnection conn)
    {
        using var cmd = new SqliteCommand("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = $name", conn);
        cmd.Parameters.AddWithValue("$name", IndexingTrigger);
        return cmd.ExecuteScalar() as string ?? throw new InvalidOperationException($"trigger {IndexingTrigger} is missing; run `paperboy migrate`");
    }

    /// <summary>
    /// From here to the end of the caller's transaction, new papers are queued rather than indexed. The change is
    /// part of the transaction: other connections never see it, and a rollback or a crash leaves the indexing trigger.
    /// </summary>
    public static void QueueInserts(SqliteConnection conn, SqliteTransaction tx) =>
        Exec(conn, tx, $"DROP TRIGGER {IndexingTrigger}; {QueueingTrigger};");

    /// <summary>Puts the indexing trigger back before the caller's transaction commits.</summary>
    public static void IndexInserts(SqliteConnection conn, SqliteTransaction tx, string indexingTriggerSql) =>
        Exec(conn, tx, $"DROP TRIGGER {IndexingTrigger}; {indexingTriggerSql};");

    static void Exec(SqliteConnection conn, SqliteTransaction tx, string sql)
    {
        using var cmd = new SqliteCommand(sql, conn, tx);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Indexes up to <paramref name="max"/> queued papers, oldest rowids first, in the caller's transaction; returns how many.</summary>
    static int Apply(SqliteConnection conn, SqliteTransaction tx, int max)
    {
        long count, last;
        using (var chunk = new SqliteCommand(ChunkSql, conn, tx))
        {
            chunk.Parameters.AddWithValue("$max", max);
            using var reader = chunk.ExecuteReader();
            reader.Read();
            count = reader.GetInt64(0);
            if (count == 0) return 0;
            last = reader.GetInt64(1);
        }
        using var apply = new SqliteCommand(ApplySql, conn, tx) { CommandTimeout = 0 };
        apply.Parameters.AddWithValue("$last", last);
        apply.ExecuteNonQuery();
        return (int)count;
    }

    /// <summary>Indexes up to <paramref name="max"/> queued papers in a transaction of its own; returns how many.</summary>
    public static async Task<int> ApplyAsync(SqliteConnection conn, int max, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        var n = Apply(conn, tx, max);
        await tx.CommitAsync(ct);
        return n;
    }

    /// <summary>
    /// Indexes the whole queue on a connection of its own, <paramref name="chunk"/> papers per transaction (other writers
    /// wait at most one chunk); reports (done, queued at the start) after each; returns how many it indexed.
    /// </summary>
    public static async Task<long> IndexQueuedAsync(string connectionString, int chunk, Action<long, long>? progress, CancellationToken ct)
    {
        await using var conn = await OpenAsync(connectionString, ct);
        var queued = progress is null ? 0 : await CountAsync(conn, ct);
        long done = 0;
        int n;
        while ((n = await ApplyAsync(conn, chunk, ct)) > 0)
        {
            done += n;
            progress?.Invoke(done, queued);
        }
        return done;
    }

    static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync(ct);
        SqlitePragmas.Apply(conn);
        return conn;
    }

    /// <summary>How many papers wait for the index.</summary>
    public static async Task<long> CountAsync(SqliteConnection conn, CancellationToken ct)
    {
        await using var cmd = new SqliteCommand("SELECT count(*) FROM papers_fts_pending", conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>How many b-trees (segments) the index is made of: each query term is looked up in every one.</summary>
    public static async Task<long> SegmentsAsync(SqliteConnection conn, CancellationToken ct)
    {
        await using var cmd = new SqliteCommand("SELECT count(DISTINCT segid) FROM papers_fts_idx", conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Merges the index into one segment when it is made of more than <paramref name="maxSegments"/>, on a connection
    /// of its own, <paramref name="pages"/> pages of merged output per transaction (FTS5's incremental 'merge'; a
    /// negative count merges across levels), so other writers wait at most one step. Returns the number of segments
    /// before, or 0 when it did nothing.
    /// </summary>
    /// <remarks>
    /// Every query term is looked up in every segment. Imports add segments (FTS5's own automerge keeps a few per level),
    /// and a 1M-paper index built in batches had 30: checking a phrase for the 200 nearest papers by meaning took
    /// 117 ms there, 17 ms after the merge (docs/benchmarks.md, "Search at 1M, final quiet reruns"). The merge rewrites the
    /// whole index: 23 s at 1M.
    /// </remarks>
    public static async Task<long> CompactAsync(string connectionString, int maxSegments, int pages, CancellationToken ct)
    {
        await using var conn = await OpenAsync(connectionString, ct);
        var segments = await SegmentsAsync(conn, ct);
        if (segments <= maxSegments) return 0;
        await using var changes = new SqliteCommand("SELECT total_changes()", conn);
        await using var merge = new SqliteCommand("INSERT INTO papers_fts (papers_fts, rank) VALUES ('merge', $pages)", conn) { CommandTimeout = 0 };
        merge.Parameters.AddWithValue("$pages", -pages);
        while (true)
        {
            var before = (long)(await changes.ExecuteScalarAsync(ct))!;
            await using (var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct))
            {
                merge.Transaction = tx;
                await merge.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
            }
            // FTS5: fewer than two rows changed by a merge step means there was nothing left to merge.
            if ((long)(await changes.ExecuteScalarAsync(ct))! - before < 2) return segments;
        }
    }

    /// <summary>Rebuilds the whole index from the papers table (after a VACUUM renumbered rowids); the queue is then empty.</summary>
    public static async Task RebuildAsync(SqliteConnection conn, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        await using var cmd = new SqliteCommand(
            "INSERT INTO papers_fts (papers_fts) VALUES ('rebuild'); DELETE FROM papers_fts_pending;", conn, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }
}
