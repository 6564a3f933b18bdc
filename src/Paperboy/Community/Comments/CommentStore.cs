using Microsoft.EntityFrameworkCore;
using Paperboy.Domain;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>
/// Threaded comments. <c>papers.comment_count</c> counts the visible ones and changes in the same transaction as the row.
/// A person's writes (add, edit, delete) count against <see cref="CommentThrottle"/> only once every check has passed.
/// </summary>
public sealed class CommentStore(PaperboyDb db, SqliteWriteGate gate, DataVersion version, CommentThrottle throttle)
{
    public const int MaxLength = 10_000;

    /// <summary>Null when the text is fine, else what is wrong with it.</summary>
    public static string? TextProblem(string? text) =>
        string.IsNullOrWhiteSpace(text is null ? null : ControlCharacters.Strip(text)) ? "Write something first: the comment is empty."
        : text.Length > MaxLength ? $"A comment holds at most {MaxLength} characters; this one has {text.Length}." : null;

    /// <summary>Every comment of a paper, oldest first, with its author's handle.</summary>
    public Task<List<CommentView>> ListAsync(string paperId, CancellationToken ct) =>
        (from c in db.Set<Comment>()
         join u in db.Set<User>() on c.UserId equals u.Id
         where c.PaperId == paperId
         orderby c.Id
         select new CommentView(c.Id, c.PaperId, c.ParentId, c.UserId, u.Handle ?? "", c.Deleted || c.Hidden ? "" : c.Text,
             c.CreatedAt, c.EditedAt, c.Deleted, c.Hidden)).ToListAsync(ct);

    public Task<CommentView?> FindAsync(long id, CancellationToken ct) =>
        (from c in db.Set<Comment>()
         join u in db.Set<User>() on c.UserId equals u.Id
         where c.Id == id
         select new CommentView(c.Id, c.PaperId, c.ParentId, c.UserId, u.Handle ?? "", c.Deleted || c.Hidden ? "" : c.Text,
             c.CreatedAt, c.EditedAt, c.Deleted, c.Hidden)).FirstOrDefaultAsync(ct);

    /// <summary>Adds a comment or a reply. The caller has checked the text; the parent must be on the same paper.</summary>
    public async Task<CommentResult> AddAsync(long userId, string paperId, long? parentId, string text, CancellationToken ct)
    {
        if (!await db.Set<Paper>().AnyAsync(p => p.Id == paperId && !p.Hidden, ct)) return CommentResult.PaperNotFound;
        if (parentId is { } pid && !await db.Set<Comment>().AnyAsync(c => c.Id == pid && c.PaperId == paperId, ct)) return CommentResult.ParentNotFound;
        if (throttle.RetryAfterSeconds(userId) is { } wait) return CommentResult.TooMany(wait);
        using var turn = await gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var comment = new Comment { PaperId = paperId, UserId = userId, ParentId = parentId, Text = ControlCharacters.Strip(text), CreatedAt = DateTime.UtcNow };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync($"UPDATE papers SET comment_count = comment_count + 1 WHERE id = {paperId}", ct);
        await tx.CommitAsync(ct);
        version.BumpCounts(); // comment counts show on the lists
        db.Entry(comment).State = EntityState.Detached;
        return new CommentResult(CommentOutcome.Done, comment.Id);
    }

    /// <summary>Edits the text of one's own live comment.</summary>
    public async Task<CommentResult> EditAsync(long userId, long commentId, string text, CancellationToken ct)
    {
        var owned = await OwnedAsync(userId, commentId, ct);
        if (owned.Outcome != CommentOutcome.Done) return owned;
        if (throttle.RetryAfterSeconds(userId) is { } wait) return CommentResult.TooMany(wait);
        var clean = ControlCharacters.Strip(text);
        await db.Set<Comment>().Where(c => c.Id == commentId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Text, clean).SetProperty(c => c.EditedAt, DateTime.UtcNow), ct);
        return owned;
    }

    /// <summary>Deletes one's own comment: the text goes, a placeholder keeps the thread.</summary>
    public async Task<CommentResult> DeleteAsync(long userId, long commentId, CancellationToken ct)
    {
        var owned = await OwnedAsync(userId, commentId, ct);
        if (owned.Outcome != CommentOutcome.Done) return owned;
        if (throttle.RetryAfterSeconds(userId) is { } wait) return CommentResult.TooMany(wait);
        return await TakeDownAsync(commentId, byCurator: false, ct) ? owned : CommentResult.NotFound;
    }

    /// <summary>A curator hides a comment; false when there is no such live comment.</summary>
    public Task<bool> HideAsync(long commentId, CancellationToken ct) => TakeDownAsync(commentId, byCurator: true, ct);

    async Task<bool> TakeDownAsync(long commentId, bool byCurator, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var paperId = await db.Set<Comment>().Where(c => c.Id == commentId && !c.Deleted && !c.Hidden).Select(c => c.PaperId).FirstOrDefaultAsync(ct);
        if (paperId is null) return false;
        var changed = byCurator
            ? await db.Set<Comment>().Where(c => c.Id == commentId && !c.Deleted && !c.Hidden).ExecuteUpdateAsync(s => s.SetProperty(c => c.Hidden, true), ct)
            : await db.Set<Comment>().Where(c => c.Id == commentId && !c.Deleted && !c.Hidden)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Deleted, true).SetProperty(c => c.Text, ""), ct);
        if (changed == 1) await db.Database.ExecuteSqlAsync($"UPDATE papers SET comment_count = comment_count - 1 WHERE id = {paperId}", ct);
        await tx.CommitAsync(ct);
        version.BumpCounts(); // comment counts show on the lists
        return changed == 1;
    }

    async Task<CommentResult> OwnedAsync(long userId, long commentId, CancellationToken ct)
    {
        var row = await db.Set<Comment>().Where(c => c.Id == commentId).Select(c => new { c.UserId, c.Deleted, c.Hidden }).FirstOrDefaultAsync(ct);
        if (row is null || row.Deleted || row.Hidden) return CommentResult.NotFound;
        return row.UserId == userId ? new CommentResult(CommentOutcome.Done, commentId) : CommentResult.NotYours;
    }
}
