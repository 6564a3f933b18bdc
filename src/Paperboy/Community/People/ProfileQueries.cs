using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>What one person submitted, upvoted and commented, newest first.</summary>
public sealed class ProfileQueries(PaperboyDb db)
{
    public async Task<Profile?> FindAsync(string handle, int limit, CancellationToken ct)
    {
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Handle == handle, ct);
        if (user is null) return null;
        var submitted = await (from f in db.Set<FeaturedPaper>()
                               join p in db.Set<Paper>() on f.PaperId equals p.Id
                               where f.SubmitterUserId == user.Id && !p.Hidden
                               orderby f.FeaturedAt descending
                               select new ProfileItem(p, f.FeaturedAt)).Take(limit).ToListAsync(ct);
        var upvoted = await UpvotedAsync(user.Id, limit, ct);
        var commented = await (from c in db.Set<Comment>()
                               join p in db.Set<Paper>() on c.PaperId equals p.Id
                               where c.UserId == user.Id && !c.Deleted && !c.Hidden && !p.Hidden
                               orderby c.Id descending
                               select new ProfileItem(p, c.CreatedAt)).Take(limit * 4).ToListAsync(ct);
        commented = commented.DistinctBy(i => i.Paper.Id).Take(limit).ToList();
        return new Profile(user, submitted, upvoted, commented);
    }

    public Task<List<ProfileItem>> UpvotedAsync(long userId, int limit, CancellationToken ct) =>
        (from u in db.Set<Upvote>()
         join p in db.Set<Paper>() on u.PaperId equals p.Id
         where u.UserId == userId && !p.Hidden
         orderby u.CreatedAt descending
         select new ProfileItem(p, u.CreatedAt)).Take(limit).ToListAsync(ct);
}
