using Microsoft.AspNetCore.Mvc;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>The Follow button's form: <c>POST /follows/{users|orgs|authors}/{name}</c>, then back to the page it was on.</summary>
public static class FollowForms
{
    public static void MapFollowForms(this WebApplication app)
    {
        var forms = AntiforgeryCheck.FormPosts(app);
        forms.MapPost("/follows/{kind}/{name}", ChangeAsync);
    }

    static async Task<IResult> ChangeAsync(HttpContext ctx, string kind, string name, [FromForm] string? follow, [FromForm] string? returnUrl,
        FollowStore store, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
        name = FollowPaths.NameOf(name);
        if (FollowPaths.KindOf(kind) is not { } k) return Pages.NotFound($"'{kind}' is not something to follow.");
        if (FollowStore.NameProblem(name) is { } problem) return Pages.Message(400, "Not followed", problem);
        var outcome = await FollowsApi.Change(store, viewer.Id, k, name, follow != "false", ct);
        if (outcome != FollowOutcome.Done)
        {
            var (status, detail) = FollowsApi.Why(outcome, name);
            return Pages.Message(status, "Not followed", detail);
        }
        return Results.Redirect(LocalUrl.Or(returnUrl, FollowPaths.Page(k, FollowStore.Shown(name))));
    }
}
