using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// The follows API: <c>PUT</c> and <c>DELETE /api/follows/{users|orgs|authors}/{name}</c> (a personal API token, like every
/// write of the community API; both idempotent) and <c>GET /api/follows</c> (the token's or the signed-in cookie's owner's follows).
/// </summary>
public static class FollowsApi
{
    public static void MapFollowsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/follows").WithTags("Follows");
        api.MapGet("", async (HttpContext ctx, FollowStore store, CancellationToken ct) =>
            Viewer.From(ctx) is { } viewer
                ? Results.Ok((await store.ListAsync(viewer.Id, ct)).Select(FollowResponse.From))
                : ApiProblems.Problem(401, "Unauthorized", "Sign in, or send a personal API token (Authorization: Bearer ...), to see whom you follow."));
        api.MapPut("/{kind}/{name}", (HttpContext ctx, string kind, string name, FollowStore store, CancellationToken ct) => ChangeAsync(ctx, kind, name, store, true, ct))
            .RequireAuthorization(CommunityApi.Member);
        api.MapDelete("/{kind}/{name}", (HttpContext ctx, string kind, string name, FollowStore store, CancellationToken ct) => ChangeAsync(ctx, kind, name, store, false, ct))
            .RequireAuthorization(CommunityApi.Member);
    }

    static async Task<IResult> ChangeAsync(HttpContext ctx, string kind, string name, FollowStore store, bool follow, CancellationToken ct)
    {
        name = FollowPaths.NameOf(name);
        if (FollowPaths.KindOf(kind) is not { } k)
            return ApiProblems.NotFound($"'{kind}' is not something to follow: use /api/follows/users/{{handle}}, /orgs/{{name}} or /authors/{{name}}.");
        if (FollowStore.NameProblem(name) is { } problem) return ApiProblems.BadInput("name", problem);
        var viewer = Viewer.From(ctx)!;
        var outcome = await Change(store, viewer.Id, k, name, follow, ct);
        return outcome switch
        {
            FollowOutcome.Done when !follow => Results.NoContent(),
            FollowOutcome.Done => Results.Ok(FollowResponse.From((await store.FindAsync(viewer.Id, k, name, ct))!)),
            _ => Refusal(outcome, name),
        };
    }

    /// <summary>The one change the API and the page's button make.</summary>
    public static Task<FollowOutcome> Change(FollowStore store, long readerId, FollowKind kind, string name, bool follow, CancellationToken ct) =>
        (kind, follow) switch
        {
            (FollowKind.User, true) => store.FollowUserAsync(readerId, name, ct),
            (FollowKind.User, false) => store.UnfollowUserAsync(readerId, name, ct),
            (_, true) => store.FollowNameAsync(readerId, kind, name, ct),
            _ => store.UnfollowNameAsync(readerId, kind, name, ct),
        };

    /// <summary>Why a follow was refused, in words for the API and the page alike.</summary>
    public static (int Status, string Detail) Why(FollowOutcome outcome, string name) => outcome switch
    {
        FollowOutcome.UnknownUser => (404, $"Nobody here goes by '{name}'."),
        FollowOutcome.Self => (400, "You cannot follow yourself."),
        _ => (409, $"You follow {FollowStore.MaxFollows} people, organisations and authors already, the most one may; unfollow some first."),
    };

    static IResult Refusal(FollowOutcome outcome, string name)
    {
        var (status, detail) = Why(outcome, name);
        return status switch
        {
            404 => ApiProblems.Problem(404, "Not found", detail, "name"),
            400 => ApiProblems.BadInput("name", detail),
            _ => ApiProblems.Problem(409, "Too many follows", detail),
        };
    }
}
