using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// The papers the signed-in person voted for, loaded once per request however many upvote buttons a page shows
/// (the buttons render concurrently, and one DbContext takes one query at a time).
/// </summary>
public sealed class ViewerVotes(IServiceScopeFactory scopes, IHttpContextAccessor http)
{
    Task<HashSet<string>>? _voted;

    public async Task<bool> HasVotedAsync(string paperId) => (await (_voted ??= LoadAsync())).Contains(paperId);

    async Task<HashSet<string>> LoadAsync()
    {
        if (Viewer.From(http.HttpContext) is not { } viewer) return [];
        // Its own DbContext: other components of the page may be querying the request's one right now.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var ids = await db.Set<Upvote>().Where(u => u.UserId == viewer.Id).Select(u => u.PaperId).ToListAsync(http.HttpContext!.RequestAborted);
        return ids.ToHashSet(StringComparer.Ordinal);
    }
}
