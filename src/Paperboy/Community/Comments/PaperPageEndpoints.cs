using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>The HTML side of a paper's community life: its discussion page, the upvote button, comment forms.</summary>
public static class PaperPageEndpoints
{
    const string NoParent = "The comment you replied to is not on this paper.";

    public static void MapPaperPages(this WebApplication app)
    {
        var forms = AntiforgeryCheck.FormPosts(app);
        PaperRoutes.Map(app, "GET", "/papers/{id}/discussion", (HttpContext ctx, CancellationToken ct) => DiscussionAsync(ctx, PaperRoutes.IdOf(ctx), null, null, 200, ct));
        PaperRoutes.Map(forms, "POST", "/papers/{id}/upvote", UpvoteAsync, e => e.RequireRateLimiting(CommunityRateLimits.Votes));
        // Comment writes are limited by CommentStore (CommentThrottle), which counts only the ones it writes.
        PaperRoutes.Map(forms, "POST", "/papers/{id}/comments", CommentAsync);
        forms.MapPost("/comments/{commentId:long}/delete", DeleteCommentAsync);
        forms.MapPost("/comments/{commentId:long}/edit", EditCommentAsync);
        app.MapGet("/comments/{commentId:long}/edit", async (HttpContext ctx, long commentId, CommentStore comments, CancellationToken ct) =>
        {
            if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
            var c = await comments.FindAsync(commentId, ct);
            if (c is null || c.IsGone || c.UserId != viewer.Id) return Pages.Message(404, "No such comment", "That comment is not yours or is gone.");
            return Pages.Render<CommentEditPage>(new { CommentId = c.Id, c.PaperId, c.Text });
        });
    }

    /// <summary>The discussion page; also re-rendered with the comment form's error and draft.</summary>
    public static async Task<IResult> DiscussionAsync(HttpContext ctx, string paperId, string? commentError, string? draft, int status, CancellationToken ct)
    {
        var services = ctx.RequestServices;
        var db = services.GetRequiredService<PaperboyDb>();
        var viewer = Viewer.From(ctx);
        var paper = await db.Set<Paper>().FirstOrDefaultAsync(p => p.Id == paperId, ct);
        if (paper is null || (paper.Hidden && viewer?.IsCurator != true))
            return Pages.Message(404, "Paper not found", $"There is no paper '{paperId}' here.", "/papers/submit", "Submit it from arXiv");
        var featured = await db.Set<FeaturedPaper>().FirstOrDefaultAsync(f => f.PaperId == paperId, ct);
        var voted = viewer is not null && await services.GetRequiredService<UpvoteStore>().HasVotedAsync(viewer.Id, paperId, ct);
        var comments = await services.GetRequiredService<CommentStore>().ListAsync(paperId, ct);
        return Pages.Render<PaperDiscussionPage>(new
        {
            Paper = paper, Featured = featured, Voted = voted, Comments = comments, Viewer = viewer, CommentError = commentError, Draft = draft,
        }, status);
    }

    static async Task<IResult> UpvoteAsync(HttpContext ctx, [FromForm] string? returnUrl, UpvoteStore upvotes, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Results.Redirect("/signin");
        var paperId = PaperRoutes.IdOf(ctx);
        if (await upvotes.ToggleAsync(viewer.Id, paperId, ct) is null)
            return Pages.Message(404, "Paper not found", $"There is no paper '{paperId}' here.");
        return Results.Redirect(LocalUrl.Or(returnUrl, PaperRoutes.Discussion(paperId)));
    }

    static async Task<IResult> CommentAsync(HttpContext ctx, [FromForm] string? text, [FromForm] string? parentId, CommentStore comments, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Results.Redirect("/signin");
        var paperId = PaperRoutes.IdOf(ctx);
        if (CommentStore.TextProblem(text) is { } problem) return await DiscussionAsync(ctx, paperId, problem, text, 400, ct);
        // The form's parentId is a hidden field: one that is not a comment id is refused, not taken as "no parent".
        long? parent = null;
        if (!string.IsNullOrEmpty(parentId))
        {
            if (!parentId.All(char.IsAsciiDigit) || !long.TryParse(parentId, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
                return await DiscussionAsync(ctx, paperId, NoParent, text, 400, ct);
            parent = p;
        }
        var result = await comments.AddAsync(viewer.Id, paperId, parent, text!, ct);
        return result.Outcome switch
        {
            CommentOutcome.Done => Results.Redirect($"{PaperRoutes.Discussion(paperId)}#c{result.Id}"),
            CommentOutcome.ParentNotFound => await DiscussionAsync(ctx, paperId, NoParent, text, 400, ct),
            CommentOutcome.TooMany => CommunityRateLimits.TooManyRequests(ctx, result.RetryAfterSeconds),
            _ => Pages.Message(404, "Paper not found", $"There is no paper '{paperId}' here."),
        };
    }

    static async Task<IResult> EditCommentAsync(HttpContext ctx, long commentId, [FromForm] string? text, CommentStore comments, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Results.Redirect("/signin");
        var c = await comments.FindAsync(commentId, ct);
        if (CommentStore.TextProblem(text) is { } problem && c is not null)
            return Pages.Render<CommentEditPage>(new { CommentId = commentId, c.PaperId, Text = text ?? "", Error = problem }, 400);
        var result = await comments.EditAsync(viewer.Id, commentId, text!, ct);
        return Done(ctx, result) ?? Results.Redirect($"{PaperRoutes.Discussion(c!.PaperId)}#c{commentId}");
    }

    static async Task<IResult> DeleteCommentAsync(HttpContext ctx, long commentId, CommentStore comments, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Results.Redirect("/signin");
        var c = await comments.FindAsync(commentId, ct);
        var result = await comments.DeleteAsync(viewer.Id, commentId, ct);
        return Done(ctx, result) ?? Results.Redirect($"{PaperRoutes.Discussion(c!.PaperId)}#c{commentId}");
    }

    /// <summary>Null when an edit or delete was done, else the page that says why not.</summary>
    static IResult? Done(HttpContext ctx, CommentResult result) => result.Outcome switch
    {
        CommentOutcome.Done => null,
        CommentOutcome.TooMany => CommunityRateLimits.TooManyRequests(ctx, result.RetryAfterSeconds),
        _ => Pages.Message(404, "No such comment", "That comment is not yours or is gone."),
    };
}
