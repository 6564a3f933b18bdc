using Paperboy.Community;
using Paperboy.Papers.Lists;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Papers.Orgs;

/// <summary><c>/orgs/{name}</c>: an organisation's papers, newest first, paged by <c>p</c> (from 0), and its Atom feed.</summary>
public static class OrgEndpoints
{
    public static async Task<IResult> PageAsync(string name, string? p, OrgStore orgs, FollowStore follows, CancellationToken ct)
    {
        name = FollowPaths.NameOf(name);
        var errors = new Dictionary<string, string[]>();
        var page = QueryNumber.Read(p, "p", 0, QueryNumber.MaxPage, 0, errors);
        if (errors.Count > 0) return Pages.BadRequest(errors["p"][0]);
        if (await orgs.FindAsync(name, page, OrgStore.PageSize, ct) is not { } org) return NotFound(name);
        return Pages.Render<OrgPage>(new { Org = org, Page = page, Followers = await follows.CountFollowersAsync(FollowKind.Org, org.Name, ct) });
    }

    public static async Task<IResult> FeedAsync(string name, HttpRequest request, OrgStore orgs, CancellationToken ct)
    {
        name = FollowPaths.NameOf(name);
        if (await orgs.FindAsync(name, 0, 50, ct) is not { } org) return NotFound(name);
        var updated = org.Entries.Count > 0 ? org.Entries.Max(f => f.FeaturedAt) : DateTime.UnixEpoch;
        return AtomWriter.Result(AtomFeeds.Feed(org.Entries, $"Paperboy: papers from {org.DisplayName}", updated,
            AtomFeeds.Absolute(request, OrgPage.PathOf(org.Name)), AtomFeeds.Absolute(request, OrgPage.FeedOf(org.Name))));
    }

    static IResult NotFound(string name) => Pages.NotFound($"No papers from an organisation named '{name}' are here.");
}
