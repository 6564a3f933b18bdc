using Microsoft.EntityFrameworkCore;
using Paperboy.Search.Meaning;
using Paperboy.Storage;

namespace Paperboy.Operations;

/// <summary>Outbox messages by state: waiting for their first try, waiting to be tried again, refused for good, sent.</summary>
public sealed record OutboxCounts(long Waiting, long Retrying, long Failed, long Sent);

/// <summary>The embedding back-fill: papers, those with a vector of the model, and what the back-fill last did.</summary>
public sealed record EmbeddingBacklog(string Model, long Papers, long Embedded, EmbeddingProgress Progress)
{
    public long Waiting => Papers - Embedded;
}

/// <summary>Everything the admin page shows, read in one place.</summary>
public sealed record AdminView(
    IReadOnlyList<ImportRun> Imports,
    OutboxCounts Outbox,
    IReadOnlyList<OutboxMessage> Troubled,
    EmbeddingBacklog Embeddings,
    IReadOnlyList<JobLease> Leases,
    IReadOnlyList<AuditEntry> Audit,
    DateTime Now)
{
    public const int ImportRuns = 20;
    public const int TroubledMessages = 50;
    public const int AuditEntries = 100;

    public static async Task<AdminView> ReadAsync(PaperboyDb db, AuditLog audit, EmbeddingBackfill backfill, EmbedderProvider embedders,
        EmbeddingProgress progress, CancellationToken ct)
    {
        var imports = await db.Set<ImportRun>().AsNoTracking().OrderByDescending(r => r.Id).Take(ImportRuns).ToListAsync(ct);
        var byState = await db.Set<OutboxMessage>().GroupBy(m => new { m.Status, Tried = m.Attempts > 0 })
            .Select(g => new { g.Key.Status, g.Key.Tried, Count = g.LongCount() }).ToListAsync(ct);
        long Count(OutboxStatus status, bool? tried = null) =>
            byState.Where(s => s.Status == status && (tried is null || s.Tried == tried)).Sum(s => s.Count);
        var outbox = new OutboxCounts(Count(OutboxStatus.Pending, false), Count(OutboxStatus.Pending, true), Count(OutboxStatus.Failed), Count(OutboxStatus.Sent));
        // Failed and retrying messages, newest first; their content (a whole digest) stays in the database.
        var troubled = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.Attempts > 0))
            .OrderByDescending(m => m.Id).Take(TroubledMessages)
            .Select(m => new OutboxMessage
            {
                Id = m.Id, Kind = m.Kind, DigestKey = m.DigestKey, Recipient = m.Recipient, MessageId = m.MessageId, Content = "",
                Status = m.Status, Attempts = m.Attempts, NextAttemptAt = m.NextAttemptAt, LastError = m.LastError, CreatedAt = m.CreatedAt,
            }).ToListAsync(ct);
        var (papers, embedded) = await backfill.CountAsync(ct);
        var leases = await db.Set<JobLease>().AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);
        return new AdminView(imports, outbox, troubled, new EmbeddingBacklog(embedders.Model.Name, papers, embedded, progress), leases,
            await audit.LatestAsync(AuditEntries, ct), DateTime.UtcNow);
    }
}
