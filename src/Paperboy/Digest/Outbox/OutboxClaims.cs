using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;
using Paperboy.Storage;

namespace Paperboy.Digest.Outbox;

/// <summary>
/// Claims outbox rows for one sender atomically, so that two senders never hold the same row:
/// PostgreSQL skips rows another sender is claiming (<c>FOR UPDATE SKIP LOCKED</c>); SQLite takes its write lock
/// first (<c>BEGIN IMMEDIATE</c>). A claim lasts until <c>locked_until</c>; a crashed sender's rows come back after it.
/// Plain SQL throughout: these run for every batch of messages, and EF's translation cost more than the work.
/// </summary>
public static class OutboxClaims
{
    public static async Task<List<OutboxMessage>> ClaimAsync(PaperboyDb db, string owner, DateTime now, DateTime until,
        int limit, OutboxKind? kind, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        var rows = new List<OutboxMessage>(limit);
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
                RETURNING id, kind, digest_key, subscription_id, recipient, message_id, content, attempts
                """;
            Add(cmd, "owner", owner);
            Add(cmd, "until", Value(db, until));
            Add(cmd, "now", Value(db, now));
            Add(cmd, "limit", limit);
            if (kind is not null) Add(cmd, "kind", (int)kind.Value);
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct))
                    rows.Add(new OutboxMessage
                    {
                        Id = r.GetInt64(0), Kind = (OutboxKind)r.GetInt32(1), DigestKey = r.IsDBNull(2) ? null : r.GetString(2),
                        SubscriptionId = r.IsDBNull(3) ? null : r.GetInt64(3), Recipient = r.GetString(4), MessageId = r.GetString(5),
                        Content = r.GetString(6), Attempts = r.GetInt32(7), Status = OutboxStatus.Pending, LockedBy = owner, LockedUntil = until,
                    });
            await tx.CommitAsync(ct);
        }
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    /// <summary>Records many messages the server accepted, in one statement (and one transaction per call).</summary>
    public static async Task SettleSentAsync(PaperboyDb db, IReadOnlyCollection<long> ids, DateTime sentAt)
    {
        if (ids.Count == 0) return;
        var conn = await db.OpenConnectionAsync(CancellationToken.None);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // The ids are numbers we read ourselves, so they go into the text: no parameter limit for large batches.
        cmd.CommandText = "UPDATE digest_outbox SET status = @status, sent_at = @sent, attempts = attempts + 1, locked_by = NULL, locked_until = NULL " +
                          $"WHERE id IN ({IdList(ids)})";
        Add(cmd, "status", (int)OutboxStatus.Sent);
        Add(cmd, "sent", Value(db, sentAt));
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Records how sending a claimed row went (a refusal, or handed back) and releases it.</summary>
    public static async Task SettleAsync(PaperboyDb db, long id, OutboxStatus status, DateTime? nextAttemptAt, string? error, bool countAttempt)
    {
        var conn = await db.OpenConnectionAsync(CancellationToken.None);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new System.Text.StringBuilder("UPDATE digest_outbox SET status = @status, locked_by = NULL, locked_until = NULL");
        Add(cmd, "status", (int)status);
        if (countAttempt) sql.Append(", attempts = attempts + 1");
        if (nextAttemptAt is { } next) { sql.Append(", next_attempt_at = @next"); Add(cmd, "next", Value(db, next)); }
        if (error is not null) { sql.Append(", last_error = @error"); Add(cmd, "error", error); }
        cmd.CommandText = sql.Append(" WHERE id = @id").ToString();
        Add(cmd, "id", id);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Hands claimed rows back untouched (the run stopped before sending them), if this sender still holds them.</summary>
    public static async Task ReleaseAsync(PaperboyDb db, string owner, IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return;
        var conn = await db.OpenConnectionAsync(CancellationToken.None);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = "UPDATE digest_outbox SET locked_by = NULL, locked_until = NULL " +
                          $"WHERE locked_by = @owner AND id IN ({IdList(ids)})";
        Add(cmd, "owner", owner);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Ids we read ourselves, as SQL text: no parameter limit for large batches.</summary>
    static string IdList(IReadOnlyCollection<long> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A time as each engine stores it: EF Core's SQLite text form, a timestamptz on PostgreSQL.</summary>
    static object Value(PaperboyDb db, DateTime utc) =>
        db.IsPostgres ? utc : SqliteTime.Text(utc);

    static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
