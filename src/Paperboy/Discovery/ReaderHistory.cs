using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Discovery;

/// <summary>What a reader has told us: papers they liked (upvoted or saved), papers they dismissed, and what the people they follow upvoted.</summary>
public sealed record ReaderHistory(IReadOnlyList<string> Liked, IReadOnlySet<string> Dismissed, IReadOnlyDictionary<string, IReadOnlyList<string>> FollowedUpvotes)
{
    /// <summary>The most liked papers the model learns from (the most recent ones).</summary>
    public const int MaxLiked = 500;

    /// <summary>Reads the history of <paramref name="userId"/>; followed people's upvotes only of papers published since <paramref name="since"/>.</summary>
    public static async Task<ReaderHistory> LoadAsync(PaperboyDb db, long userId, DateTime since, CancellationToken ct)
    {
        var upvoted = await db.Set<Upvote>().Where(u => u.UserId == userId)
            .Select(u => new { u.PaperId, At = u.CreatedAt }).ToListAsync(ct);
        var saved = await (from e in db.Set<CollectionEntry>()
                           join c in db.Set<PaperCollection>() on e.CollectionId equals c.Id
                           where c.UserId == userId
                           select new { e.PaperId, At = e.AddedAt }).ToListAsync(ct);
        var liked = upvoted.Concat(saved).GroupBy(l => l.PaperId).Select(g => (Id: g.Key, At: g.Max(l => l.At)))
            .OrderByDescending(l => l.At).ThenBy(l => l.Id, StringComparer.Ordinal).Take(MaxLiked).Select(l => l.Id).ToList();
        var dismissed = (await db.Set<Dismissal>().Where(d => d.UserId == userId).Select(d => d.PaperId).ToListAsync(ct)).ToHashSet();
        var followed = await (from f in db.Set<Follow>()
                              join u in db.Set<Upvote>() on f.FollowedUserId equals u.UserId
                              join p in db.Set<Paper>() on u.PaperId equals p.Id
                              join who in db.Set<User>() on u.UserId equals who.Id
                              where f.UserId == userId && f.Kind == FollowKind.User && p.PublishedAt >= since && !p.Hidden
                              select new { u.PaperId, Handle = who.Handle ?? f.Name, u.CreatedAt }).ToListAsync(ct);
        var byPaper = followed.GroupBy(f => f.PaperId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<string>)g.OrderByDescending(f => f.CreatedAt).Select(f => f.Handle).Distinct().ToList());
        return new ReaderHistory(liked, dismissed, byPaper);
    }
}
