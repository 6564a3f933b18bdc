using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// The papers each member voted for, kept in memory between their requests (a list page needs them on every view) and
/// forgotten on every instance when they vote. For a while after their own vote, their pages are rendered for them
/// alone: the shared rendering shows counts up to <see cref="DataVersion.CountsDelay"/> old, which must not hide it.
/// </summary>
public sealed class MemberVotes(IMemoryCache cache, IServiceScopeFactory scopes, DataVersion version, ClusterSignals signals) : IMemberState
{
    /// <summary>The key of a vote's choice on a shared page (<see cref="MemberPageMarks.Choice"/>).</summary>
    public static string ChoiceKey(string paperId) => "vote/" + paperId;

    public async ValueTask<MemberState> GetAsync(long userId, CancellationToken ct)
    {
        var fresh = cache.TryGetValue(FreshKey(userId), out _);
        return new MemberState(await VotedAsync(userId, ct), fresh);
    }

    /// <summary>The choice keys (<see cref="ChoiceKey"/>) of every paper the member voted for.</summary>
    public async ValueTask<IReadOnlySet<string>> VotedAsync(long userId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(userId), out IReadOnlySet<string>? voted)) return voted!;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var ids = await db.Set<Upvote>().Where(u => u.UserId == userId).Select(u => u.PaperId).ToListAsync(ct);
        voted = ids.Select(ChoiceKey).ToHashSet(StringComparer.Ordinal);
        cache.Set(Key(userId), voted, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(5) });
        return voted;
    }

    /// <summary>After the member's vote is stored: forget their votes here and on every instance, and render their pages afresh for a while.</summary>
    public void Changed(long userId)
    {
        signals.ForgetEverywhere(Key(userId));
        cache.Set(FreshKey(userId), true, version.CountsDelay + TimeSpan.FromSeconds(1));
    }

    static string Key(long userId) => $"paperboy:member-votes:{userId}";

    static string FreshKey(long userId) => $"paperboy:member-voted-just-now:{userId}";
}
