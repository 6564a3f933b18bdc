using Microsoft.EntityFrameworkCore;

namespace Paperboy.Storage;

/// <summary>
/// The audit log: every curator's and admin's action, written by the service that acted once the action found what it
/// acts on (hiding a paper that is already hidden is still recorded: someone asked for it).
/// </summary>
public sealed class AuditLog(PaperboyDb db)
{
    /// <summary>The actor of an action taken with the <c>paperboy</c> command on the server.</summary>
    public const string CommandLine = "command line";

    public async Task RecordAsync(long? actorId, string actor, string action, string target, string? detail, CancellationToken ct)
    {
        db.Add(new AuditEntry { At = DateTime.UtcNow, ActorId = actorId, Actor = actor, Action = action, Target = target, Detail = detail });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The latest <paramref name="count"/> entries, newest first.</summary>
    public Task<List<AuditEntry>> LatestAsync(int count, CancellationToken ct) =>
        db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(ct);
}
