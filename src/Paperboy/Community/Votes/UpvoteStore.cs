using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>
/// One vote per person and paper. The vote row and <c>papers.local_upvotes</c> change in one transaction, and only
/// when the row really appeared or went away, so the count stays right however many people vote at once
/// (written in batches by <see cref="UpvoteWriter"/>).
/// </summary>
public sealed class UpvoteStore(PaperboyDb db, UpvoteWriter writer, IMemoryCache cache)
{
    /// <summary>Casts the vote (idempotent); null when there is no such paper.</summary>
    public Task<UpvoteState?> AddAsync(long userId, string paperId, CancellationToken ct) => ChangeAsync(userId, paperId, add: true, ct);

    /// <summary>Takes the vote back (idempotent); null when there is no such paper.</summary>
    public Task<UpvoteState?> RemoveAsync(long userId, string paperId, CancellationToken ct) => ChangeAsync(userId, paperId, add: false, ct);

    /// <summary>A second press takes the vote back.</summary>
    public async Task<UpvoteState?> ToggleAsync(long userId, string paperId, CancellationToken ct) =>
        await HasVotedAsync(userId, paperId, ct) ? await RemoveAsync(userId, paperId, ct) : await AddAsync(userId, paperId, ct);

    public Task<bool> HasVotedAsync(long userId, string paperId, CancellationToken ct) =>
        db.Set<Upvote>().AnyAsync(u => u.UserId == userId && u.PaperId == paperId, ct);

    async Task<UpvoteState?> ChangeAsync(long userId, string paperId, bool add, CancellationToken ct)
    {
        if (!await IsVotableAsync(paperId, ct)) return null;
        var upvotes = await writer.ApplyAsync(userId, paperId, add, ct);
        return new UpvoteState(paperId, add, upvotes);
    }

    /// <summary>
    /// Whether the paper exists and is not hidden; cached briefly, since votes come in bursts on the same papers.
    /// Hiding a paper forgets it on every instance (<see cref="Forget"/>).
    /// </summary>
    async Task<bool> IsVotableAsync(string paperId, CancellationToken ct)
    {
        var key = VotableKey(paperId);
        if (cache.TryGetValue(key, out bool votable)) return votable;
        votable = await db.Set<Paper>().AnyAsync(p => p.Id == paperId && !p.Hidden, ct);
        cache.Set(key, votable, TimeSpan.FromSeconds(10));
        return votable;
    }

    public static void Forget(ClusterSignals signals, string paperId) => signals.ForgetEverywhere(VotableKey(paperId));

    static string VotableKey(string paperId) => $"paperboy:votable:{paperId}";
}
