using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>People's pages and their upvote feeds.</summary>
public static class PeopleEndpoints
{
    public static void MapPeople(this WebApplication app)
    {
        app.MapGet("/u/{handle}", async Task<IResult> (string handle, ProfileQueries profiles, FollowStore follows, CancellationToken ct) =>
            await profiles.FindAsync(handle, 30, ct) is { } profile
                ? Pages.Render<ProfilePage>(new { Profile = profile, Followers = await follows.CountFollowersAsync(FollowKind.User, handle, ct) })
                : Pages.Message(404, "No such person", $"Nobody here goes by '{handle}'."));
        app.MapGet("/u/{handle}/upvotes.atom", async (HttpContext ctx, string handle, UserStore users, ProfileQueries profiles, CancellationToken ct) =>
        {
            if (await users.FindByHandleAsync(handle, ct) is not { } user) return Results.NotFound();
            var items = await profiles.UpvotedAsync(user.Id, 50, ct);
            var origin = $"{ctx.Request.Scheme}://{ctx.Request.Host}";
            return AtomWriter.Result(UpvoteFeed(handle, items, origin));
        });
    }

    /// <summary>One person's upvotes, newest first, each linking to the paper's discussion.</summary>
    static AtomFeed UpvoteFeed(string handle, IReadOnlyList<ProfileItem> items, string origin) =>
        new($"{origin}/u/{handle}/upvotes.atom", $"Papers upvoted by @{handle}", items.Count > 0 ? items[0].At : DateTime.UnixEpoch,
            $"{origin}/u/{handle}", $"{origin}/u/{handle}/upvotes.atom", handle,
            items.Select(i => new AtomEntry($"{origin}/papers/{i.Paper.Id}#upvote-{handle}", i.Paper.Title, origin + PaperRoutes.Discussion(i.Paper.Id),
                null, i.At, i.Paper.Authors.Take(20).ToList(), i.Paper.Abstract)).ToList());
}
