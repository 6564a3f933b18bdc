using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Paperboy.Digest;

namespace Paperboy.Storage;

/// <summary>
/// Claims outbox rows for one sender atomically, so that two senders never hold the same row:
/// PostgreSQL skips rows another sender is claiming (<c>FOR UPDATE SKIP LOCKED</c>); SQLite takes its write lock
/// first (<c>BEGIN IMMEDIATE</c>). A claim lasts until <c>locked_until</c>; a crashed sender's rows come back after it.
/// </summary>
public static class OutboxClaims
{
    public static async Task<List<OutboxMessage>> ClaimAsync(PaperboyDb db, string owner, DateTime now, DateTime until,
        int limit, OutboxKind? kind, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(ct); // through EF, so the SQLite pragmas apply
        var ids = new List<long>();
        await using (var tx = await conn.BeginTransactionAsync(db.IsPostgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, ct))
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            var kindFilter = kind is null ? "" : " AND kind = @kind";
            cmd.CommandText = $"""
                UPDATE digest_outbox SET locked_by = @owner, locked_until = @until
                WHERE id IN (SELECT id FROM digest_outbox
                             WHERE status = 0 AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until < @now){kindFilter}
                             ORDER BY id LIMIT @limit{(db.IsPostgres ? " FOR UPDATE SKIP LOCKED" : "")})
                RETURNING id
                """;
            Add(cmd, "owner", owner);
            Add(cmd, "until", until);
            Add(cmd, "now", now);
            Add(cmd, "limit", limit);
            if (kind is not null) Add(cmd, "kind", (int)kind.Value);
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
            await tx.CommitAsync(ct);
        }
        if (ids.Count == 0) return [];
        return await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id) && m.LockedBy == owner).OrderBy(m => m.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Records how sending a claimed row went and releases it. Plain SQL rather than EF's ExecuteUpdate: this runs once
    /// per message and EF's translation cost more than the message itself.
    /// </summary>
    public static async Task SettleAsync(PaperboyDb db, long id, OutboxStatus status, DateTime? sentAt, DateTime? nextAttemptAt, string? error, bool countAttempt)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != ConnectionState.Open) await db.Database.OpenConnectionAsync();
        await using var cmd = conn.CreateCommand();
        var sql = new System.Text.StringBuilder("UPDATE digest_outbox SET status = @status, locked_by = NULL, locked_until = NULL");
        Add(cmd, "status", (int)status);
        if (countAttempt) sql.Append(", attempts = attempts + 1");
        if (sentAt is { } sent) { sql.Append(", sent_at = @sent"); Add(cmd, "sent", sent); }
        if (nextAttemptAt is { } next) { sql.Append(", next_attempt_at = @next"); Add(cmd, "next", next); }
        if (error is not null) { sql.Append(", last_error = @error"); Add(cmd, "error", error); }
        cmd.CommandText = sql.Append(" WHERE id = @id").ToString();
        Add(cmd, "id", id);
        await cmd.ExecuteNonQueryAsync();
    }

    static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
