using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Paperboy.Storage;

namespace Paperboy.Digest.Outbox;

/// <summary>
/// Writes a batch of composed messages and the watch-list matches they carry in one transaction, fast:
/// binary COPY on PostgreSQL, one prepared statement per table on SQLite. (EF's change tracker made a 100,000-subscriber
/// digest take minutes.)
/// </summary>
public static class OutboxWriter
{
    public static async Task WriteAsync(PaperboyDb db, IReadOnlyList<OutboxMessage> messages, IReadOnlyList<SentMatch> matches, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var conn = db.Database.GetDbConnection();
            if (db.IsPostgres) await CopyAsync((NpgsqlConnection)conn, messages, matches, ct);
            else
            {
                // The match index takes random inserts; SQLite's default 2 MB page cache makes that disk-bound.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072", ct);
                await InsertAsync(conn, tx.GetDbTransaction(), messages, matches, ct);
            }
            await tx.CommitAsync(ct);
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    static async Task CopyAsync(NpgsqlConnection conn, IReadOnlyList<OutboxMessage> messages, IReadOnlyList<SentMatch> matches, CancellationToken ct)
    {
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY digest_outbox (kind, digest_key, subscription_id, recipient, message_id, content, status, attempts, next_attempt_at, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var m in messages)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync((int)m.Kind, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(m.DigestKey, NpgsqlDbType.Text, ct);
                if (m.SubscriptionId is { } id) await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(m.Recipient, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(m.MessageId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(m.Content, NpgsqlDbType.Text, ct);
                await copy.WriteAsync((int)m.Status, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(m.Attempts, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(m.NextAttemptAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(m.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync("COPY digest_sent_matches (subscription_id, paper_id, digest_key) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var s in matches)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(s.SubscriptionId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(s.PaperId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(s.DigestKey, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }

    static Task InsertAsync(DbConnection conn, DbTransaction tx, IReadOnlyList<OutboxMessage> messages, IReadOnlyList<SentMatch> matches, CancellationToken ct)
    {
        // One prepared statement per table, run synchronously (Microsoft.Data.Sqlite's async is sync underneath, and
        // its per-call overhead counted at a million rows); multi-row VALUES was slower (parameters are bound by name).
        InsertRows(conn, tx, "digest_outbox (kind, digest_key, subscription_id, recipient, message_id, content, status, attempts, next_attempt_at, created_at)",
            10, messages, m => [(int)m.Kind, m.DigestKey, m.SubscriptionId, m.Recipient, m.MessageId, m.Content, (int)m.Status, m.Attempts,
                SqliteTime.Text(m.NextAttemptAt), SqliteTime.Text(m.CreatedAt)], ct);
        InsertRows(conn, tx, "digest_sent_matches (subscription_id, paper_id, digest_key)", 3, matches, s => [s.SubscriptionId, s.PaperId, s.DigestKey], ct);
        return Task.CompletedTask;
    }

    static void InsertRows<T>(DbConnection conn, DbTransaction tx, string table, int columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken ct)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {table} VALUES ({string.Join(',', Enumerable.Range(0, columns).Select(c => "@p" + c))})";
        for (var c = 0; c < columns; c++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + c;
            cmd.Parameters.Add(p);
        }
        cmd.Prepare();
        foreach (var row in rows)
        {
            var v = values(row);
            for (var c = 0; c < columns; c++) cmd.Parameters[c].Value = v[c] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }
        ct.ThrowIfCancellationRequested();
    }
}
