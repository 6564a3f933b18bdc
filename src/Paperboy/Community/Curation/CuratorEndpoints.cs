using Microsoft.AspNetCore.Mvc;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>The curator's forms on a paper page: feature on a day, take off, hide or show a paper, hide a comment.</summary>
public static class CuratorEndpoints
{
    public static void MapCuratorForms(this WebApplication app)
    {
        var forms = AntiforgeryCheck.FormPosts(app);
        PaperRoutes.Map(forms, "POST", "/papers/{id}/feature", async (HttpContext ctx, [FromForm] string? day, CuratorService curators, CancellationToken ct) =>
            await AsCuratorAsync(ctx, async (viewer, id) =>
                !DateOnly.TryParseExact(day, "yyyy-MM-dd", out var d) ? Pages.Message(400, "Which day?", "Give the day as YYYY-MM-DD.")
                : await curators.FeatureAsync(viewer, id, d, ct) ? null : NotFound(id)));
        PaperRoutes.Map(forms, "POST", "/papers/{id}/unfeature", async (HttpContext ctx, CuratorService curators, CancellationToken ct) =>
            await AsCuratorAsync(ctx, async (viewer, id) => await curators.UnfeatureAsync(viewer, id, ct) ? null : NotFound(id)));
        PaperRoutes.Map(forms, "POST", "/papers/{id}/hide", async (HttpContext ctx, CuratorService curators, CancellationToken ct) =>
            await AsCuratorAsync(ctx, async (viewer, id) => await curators.SetHiddenAsync(viewer, id, true, ct) ? null : NotFound(id)));
        PaperRoutes.Map(forms, "POST", "/papers/{id}/unhide", async (HttpContext ctx, CuratorService curators, CancellationToken ct) =>
            await AsCuratorAsync(ctx, async (viewer, id) => await curators.SetHiddenAsync(viewer, id, false, ct) ? null : NotFound(id)));
        forms.MapPost("/comments/{commentId:long}/hide", async (HttpContext ctx, long commentId, CommentStore comments, CuratorService curators, CancellationToken ct) =>
        {
            if (Viewer.From(ctx) is not { } viewer) return Results.Redirect("/signin");
            if (!viewer.IsCurator) return Forbidden();
            var c = await comments.FindAsync(commentId, ct);
            return c is not null && await curators.HideCommentAsync(viewer, commentId, ct)
                ? Results.Redirect($"{PaperRoutes.Discussion(c.PaperId)}#c{commentId}")
                : Pages.Message(404, "No such comment", "That comment does not exist or is already gone.");
        });
    }

    /// <summary>Runs a curator's action on the paper of the route; null from the action means done (back to the paper).</summary>
    static async Task<IResult> AsCuratorAsync(HttpContext ctx, Func<Viewer, string, Task<IResult?>> action)
    {
        if (Viewer.From(ctx) is not { } viewer) return Results.Redirect("/signin");
        if (!viewer.IsCurator) return Forbidden();
        var id = PaperRoutes.IdOf(ctx);
        return await action(viewer, id) ?? Results.Redirect(PaperRoutes.Discussion(id));
    }

    static IResult NotFound(string id) => Pages.Message(404, "Paper not found", $"There is no paper '{id}' here.");

    static IResult Forbidden() => Pages.Message(403, "Curators only", "Only curators can do this.");
}
