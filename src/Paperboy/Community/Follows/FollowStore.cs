using Microsoft.EntityFrameworkCore;
using Paperboy.Domain;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>
/// Who follows whom: a reader follows a person (kept by id), an organisation or an author name (kept by the name folded to
/// lower case). Following twice, or unfollowing what one does not follow, changes nothing. Each reader's own follows only:
/// every query here is by the reader's id.
/// </summary>
public sealed class FollowStore(PaperboyDb db, SqliteWriteGate gate, DataVersion version)
{
    /// <summary>The longest organisation or author name one may follow, and how many follows a reader may keep.</summary>
    public const int MaxName = 200, MaxFollows = 1_000;

    /// <summary>Null when <paramref name="name"/> can be followed as an organisation or author, else why not.</summary>
    public static string? NameProblem(string? name)
    {
        if (name is not null && ControlCharacters.Strip(name).Length != name.Length) return "A name cannot hold control characters.";
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length == 0 ? "Give a name to follow."
            : trimmed.Length > MaxName ? $"A name holds at most {MaxName} characters; this one has {trimmed.Length}." : null;
    }

    /// <summary>The key a name is followed by: trimmed, inner runs of spaces as one, folded to lower case.</summary>
    public static string KeyOf(string name) => Shown(name).ToLowerInvariant();

    /// <summary>The name as kept and shown: trimmed, inner runs of spaces as one.</summary>
    public static string Shown(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Follows a person; <see cref="FollowOutcome.UnknownUser"/> for a handle nobody has, <see cref="FollowOutcome.Self"/> for oneself.</summary>
    public async Task<FollowOutcome> FollowUserAsync(long readerId, string handle, CancellationToken ct)
    {
        if (await FindUserAsync(handle, ct) is not { } user) return FollowOutcome.UnknownUser;
        if (user.Id == readerId) return FollowOutcome.Self;
        if (await db.Set<Follow>().AnyAsync(f => f.UserId == readerId && f.Kind == FollowKind.User && f.FollowedUserId == user.Id, ct)) return FollowOutcome.Done;
        return await AddAsync(new Follow { UserId = readerId, Kind = FollowKind.User, NameKey = user.Handle!.ToLowerInvariant(), Name = user.Handle!, FollowedUserId = user.Id }, ct);
    }

    /// <summary>Follows an organisation or an author by name (a name with no papers yet may be followed).</summary>
    public async Task<FollowOutcome> FollowNameAsync(long readerId, FollowKind kind, string name, CancellationToken ct)
    {
        var key = KeyOf(name);
        if (await db.Set<Follow>().AnyAsync(f => f.UserId == readerId && f.Kind == kind && f.NameKey == key, ct)) return FollowOutcome.Done;
        return await AddAsync(new Follow { UserId = readerId, Kind = kind, NameKey = key, Name = Shown(name) }, ct);
    }

    async Task<FollowOutcome> AddAsync(Follow follow, CancellationToken ct)
    {
        if (await db.Set<Follow>().CountAsync(f => f.UserId == follow.UserId, ct) >= MaxFollows) return FollowOutcome.TooMany;
        follow.CreatedAt = DateTime.UtcNow;
        using (await gate.EnterAsync(db, ct))
        {
            db.Add(follow);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same follow, written by a request that ran alongside this one: the state asked for is there.
                db.Entry(follow).State = EntityState.Detached;
                return FollowOutcome.Done;
            }
        }
        db.Entry(follow).State = EntityState.Detached;
        version.BumpCounts(); // follower counts on cached pages
        return FollowOutcome.Done;
    }

    /// <summary>Stops following a person; following nobody by that handle is done already.</summary>
    public async Task<FollowOutcome> UnfollowUserAsync(long readerId, string handle, CancellationToken ct)
    {
        if (await FindUserAsync(handle, ct) is not { } user) return FollowOutcome.UnknownUser;
        return await RemoveAsync(db.Set<Follow>().Where(f => f.UserId == readerId && f.Kind == FollowKind.User && f.FollowedUserId == user.Id), ct);
    }

    public Task<FollowOutcome> UnfollowNameAsync(long readerId, FollowKind kind, string name, CancellationToken ct)
    {
        var key = KeyOf(name);
        return RemoveAsync(db.Set<Follow>().Where(f => f.UserId == readerId && f.Kind == kind && f.NameKey == key), ct);
    }

    async Task<FollowOutcome> RemoveAsync(IQueryable<Follow> follow, CancellationToken ct)
    {
        int removed;
        using (await gate.EnterAsync(db, ct)) removed = await follow.ExecuteDeleteAsync(ct);
        if (removed > 0) version.BumpCounts();
        return FollowOutcome.Done;
    }

    /// <summary>A reader's follows, newest first; a person under their handle of today.</summary>
    public Task<List<FollowView>> ListAsync(long readerId, CancellationToken ct) =>
        (from f in db.Set<Follow>()
         where f.UserId == readerId
         join u in db.Set<User>() on f.FollowedUserId equals u.Id into people
         from u in people.DefaultIfEmpty()
         orderby f.CreatedAt descending, f.Kind, f.NameKey
         select new FollowView(f.Kind, u != null && u.Handle != null ? u.Handle : f.Name, f.CreatedAt)).ToListAsync(ct);

    /// <summary>The reader's follow of this person (by handle), organisation or author (by name); null when they do not follow it.</summary>
    public async Task<FollowView?> FindAsync(long readerId, FollowKind kind, string name, CancellationToken ct)
    {
        var follows = db.Set<Follow>().Where(f => f.UserId == readerId && f.Kind == kind);
        if (kind != FollowKind.User)
        {
            var key = KeyOf(name);
            follows = follows.Where(f => f.NameKey == key);
        }
        else if (await FindUserAsync(name, ct) is { } user) follows = follows.Where(f => f.FollowedUserId == user.Id);
        else return null;
        return await follows.Select(f => new FollowView(f.Kind, f.Name, f.CreatedAt)).FirstOrDefaultAsync(ct);
    }

    /// <summary>How many readers follow this person, organisation or author.</summary>
    public async Task<int> CountFollowersAsync(FollowKind kind, string name, CancellationToken ct)
    {
        if (kind != FollowKind.User)
        {
            var key = KeyOf(name);
            return await db.Set<Follow>().CountAsync(f => f.Kind == kind && f.NameKey == key, ct);
        }
        return await FindUserAsync(name, ct) is { } user ? await db.Set<Follow>().CountAsync(f => f.Kind == FollowKind.User && f.FollowedUserId == user.Id, ct) : 0;
    }

    Task<User?> FindUserAsync(string handle, CancellationToken ct) => db.Set<User>().FirstOrDefaultAsync(u => u.Handle == handle.Trim(), ct);
}
