using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// What curators do: feature any known paper on any day, take it off its day, hide or show a paper, hide a comment.
/// Each action that finds its paper or comment goes into the audit log.
/// </summary>
public sealed class CuratorService(PaperboyDb db, ClusterSignals signals, DataVersion version, CommentStore comments, AuditLog audit)
{
    /// <summary>Moves or puts the paper on <paramref name="day"/>; false when there is no such paper.</summary>
    public async Task<bool> FeatureAsync(Viewer curator, string paperId, DateOnly day, CancellationToken ct)
    {
        if (!await db.Set<Paper>().AnyAsync(p => p.Id == paperId, ct)) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Set<FeaturedPaper>().Where(f => f.PaperId == paperId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Day, day), ct);
        if (moved == 0)
        {
            db.Add(new FeaturedPaper
            {
                PaperId = paperId, Day = day, FeaturedAt = DateTime.UtcNow, Source = FeaturedSource.Curator,
                SubmittedBy = curator.Handle, SubmittedByName = curator.Handle, SubmitterUserId = curator.Id,
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await audit.RecordAsync(curator.Id, curator.Shown, AuditActions.Featured, paperId, $"on {day:yyyy-MM-dd}", ct);
        await tx.CommitAsync(ct);
        version.Bump();
        return true;
    }

    /// <summary>Takes the paper off the day it is on; false when it is on no day.</summary>
    public async Task<bool> UnfeatureAsync(Viewer curator, string paperId, CancellationToken ct)
    {
        var removed = await db.Set<FeaturedPaper>().Where(f => f.PaperId == paperId).ExecuteDeleteAsync(ct) > 0;
        if (removed) await audit.RecordAsync(curator.Id, curator.Shown, AuditActions.Unfeatured, paperId, null, ct);
        version.Bump();
        return removed;
    }

    /// <summary>Hides or shows a paper everywhere; false when there is no such paper.</summary>
    public async Task<bool> SetHiddenAsync(Viewer curator, string paperId, bool hidden, CancellationToken ct)
    {
        var changed = await db.Set<Paper>().Where(p => p.Id == paperId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Hidden, hidden), ct) == 1;
        if (changed) await audit.RecordAsync(curator.Id, curator.Shown, hidden ? AuditActions.Hid : AuditActions.Showed, paperId, null, ct);
        UpvoteStore.Forget(signals, paperId);
        version.Bump();
        return changed;
    }

    /// <summary>Hides a comment (a placeholder keeps the thread); false when there is no such live comment.</summary>
    public async Task<bool> HideCommentAsync(Viewer curator, long commentId, CancellationToken ct)
    {
        var hidden = await comments.HideAsync(commentId, ct);
        if (hidden) await audit.RecordAsync(curator.Id, curator.Shown, AuditActions.HidComment, $"comment {commentId}", null, ct);
        return hidden;
    }
}
