using Paperboy.Web;

namespace Paperboy.Papers.Following;

/// <summary><c>/papers/following</c>: signed-in readers only (signed out, the sign-in page, which comes back here).</summary>
public static class FollowingEndpoints
{
    public static async Task<IResult> PageAsync(HttpContext ctx, string? p, FollowingFeed feed, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
        var errors = new Dictionary<string, string[]>();
        var page = QueryNumber.Read(p, "p", 0, QueryNumber.MaxPage, 0, errors);
        if (errors.Count > 0) return Pages.BadRequest(errors["p"][0]);
        return Pages.Render<FollowingPage>(new { List = await feed.ListAsync(viewer.Id, page, ct), Page = page });
    }
}
