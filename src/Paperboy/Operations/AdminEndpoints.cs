using Microsoft.EntityFrameworkCore;
using Paperboy.Digest.Outbox;
using Paperboy.Search.Meaning;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Operations;

/// <summary>
/// <c>/admin</c>, for operators: import runs with their cursors and errors, the outbox with a resend button for a
/// failed message, the embedding back-log, job leases, and the audit log. Admins only: a stranger is sent to sign in,
/// anyone else gets a 403. Every action taken here goes into the audit log.
/// </summary>
public static class AdminEndpoints
{
    public static WebApplication MapAdmin(this WebApplication app)
    {
        var forms = AntiforgeryCheck.FormPosts(app);
        app.MapGet("/admin", async (HttpContext ctx, PaperboyDb db, AuditLog audit, EmbeddingBackfill backfill, EmbedderProvider embedders,
            EmbeddingProgress progress, CancellationToken ct) =>
        {
            if (AsAdmin(ctx) is { } refused) return refused;
            return Pages.Render<AdminPage>(new { View = await AdminView.ReadAsync(db, audit, backfill, embedders, progress, ct) });
        }).ExcludeFromDescription();
        forms.MapPost("/admin/outbox/{messageId:long}/resend", async (HttpContext ctx, long messageId, PaperboyDb db, AuditLog audit, OutboxKick kick,
            CancellationToken ct) =>
        {
            if (AsAdmin(ctx) is { } refused) return refused;
            var message = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Id == messageId && m.Status == OutboxStatus.Failed)
                .Select(m => new { m.Recipient, m.MessageId }).FirstOrDefaultAsync(ct);
            if (message is null) return Pages.Message(404, "No such failed message", $"Message {messageId} is not in the outbox as failed: only a failed message is sent again.", "/admin", "Back to the admin page");
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The same row, so the same Message-ID: a recipient's mail program sees one message even if both arrive.
            await db.Set<OutboxMessage>().Where(m => m.Id == messageId && m.Status == OutboxStatus.Failed).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, DateTime.UtcNow)
                .SetProperty(m => m.LastError, (string?)null).SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null), ct);
            var viewer = Viewer.From(ctx)!;
            await audit.RecordAsync(viewer.Id, viewer.Shown, AuditActions.Resent, $"message {messageId}", $"to {message.Recipient}", ct);
            await tx.CommitAsync(ct);
            kick.Kick();
            return Results.Redirect("/admin#outbox");
        });
        return app;
    }

    /// <summary>Null for an admin; otherwise what to answer instead.</summary>
    static IResult? AsAdmin(HttpContext ctx) => Viewer.From(ctx) switch
    {
        null => Pages.SignInFirst(ctx),
        { IsAdmin: false } => Pages.Message(403, "Admins only", "Only the hub's admins can see its operations page."),
        _ => null,
    };
}
