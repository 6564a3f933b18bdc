using System.Globalization;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// Every route of the community JSON API, in one place. Writes need a personal API token (<c>Authorization: Bearer</c>):
/// 401 without or with a bad one, 403 for a member doing a curator's job; problems are RFC 9457 bodies naming the parameter.
/// </summary>
public static class CommunityApi
{
    public const string Member = "api-member";
    public const string Curator = "api-curator";

    public static void MapCommunityApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Community");
        PaperRoutes.Map(api, "POST", "/papers/{id}/upvote", (HttpContext ctx, UpvoteStore s, CancellationToken ct) => VoteAsync(ctx, s, true, ct),
            e => e.RequireAuthorization(Member).RequireRateLimiting(CommunityRateLimits.Votes));
        PaperRoutes.Map(api, "DELETE", "/papers/{id}/upvote", (HttpContext ctx, UpvoteStore s, CancellationToken ct) => VoteAsync(ctx, s, false, ct),
            e => e.RequireAuthorization(Member).RequireRateLimiting(CommunityRateLimits.Votes));
        PaperRoutes.Map(api, "GET", "/papers/{id}/comments", ListCommentsAsync);
        // Comment writes are limited by CommentStore (CommentThrottle), which counts only the ones it writes.
        PaperRoutes.Map(api, "POST", "/papers/{id}/comments", AddCommentAsync, e => e.RequireAuthorization(Member));
        api.MapPatch("/comments/{commentId:long}", EditCommentAsync).RequireAuthorization(Member);
        api.MapDelete("/comments/{commentId:long}", DeleteCommentAsync).RequireAuthorization(Member);
        api.MapPost("/comments/{commentId:long}/hide", async (HttpContext ctx, long commentId, CuratorService curators, CancellationToken ct) =>
            await curators.HideCommentAsync(Viewer.From(ctx)!, commentId, ct) ? Results.NoContent() : ApiProblems.NotFound($"No live comment {commentId}.")).RequireAuthorization(Curator);
        api.MapPost("/papers/submit", SubmitAsync).RequireAuthorization(Member).RequireRateLimiting(CommunityRateLimits.Submissions);
        PaperRoutes.Map(api, "PUT", "/papers/{id}/featured", FeatureAsync, e => e.RequireAuthorization(Curator));
        PaperRoutes.Map(api, "DELETE", "/papers/{id}/featured", async (HttpContext ctx, CuratorService curators, CancellationToken ct) =>
            await curators.UnfeatureAsync(Viewer.From(ctx)!, PaperRoutes.IdOf(ctx), ct) ? Results.NoContent() : ApiProblems.Problem(404, "Not found",
                $"Paper '{PaperRoutes.IdOf(ctx)}' is on no day's list.", "id"), e => e.RequireAuthorization(Curator));
        PaperRoutes.Map(api, "PUT", "/papers/{id}/hidden", (HttpContext ctx, CuratorService c, CancellationToken ct) => HideAsync(ctx, c, true, ct),
            e => e.RequireAuthorization(Curator));
        PaperRoutes.Map(api, "DELETE", "/papers/{id}/hidden", (HttpContext ctx, CuratorService c, CancellationToken ct) => HideAsync(ctx, c, false, ct),
            e => e.RequireAuthorization(Curator));
    }

    static async Task<IResult> VoteAsync(HttpContext ctx, UpvoteStore upvotes, bool add, CancellationToken ct)
    {
        var viewer = Viewer.From(ctx)!;
        var id = PaperRoutes.IdOf(ctx);
        var state = add ? await upvotes.AddAsync(viewer.Id, id, ct) : await upvotes.RemoveAsync(viewer.Id, id, ct);
        return state is null ? ApiProblems.PaperNotFound(id) : TypedResults.Ok(new UpvoteResponse(state.PaperId, state.Voted, state.Upvotes));
    }

    static async Task<IResult> ListCommentsAsync(HttpContext ctx, CommentStore comments, PaperboyDb db, CancellationToken ct)
    {
        var id = PaperRoutes.IdOf(ctx);
        var paper = await db.FindAsync<Paper>([id], ct);
        if (paper is null || paper.Hidden) return ApiProblems.PaperNotFound(id);
        return TypedResults.Ok((await comments.ListAsync(id, ct)).Select(CommentResponse.From));
    }

    static async Task<IResult> AddCommentAsync(HttpContext ctx, CommentStore comments, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CommentRequest>(ctx.Request, """{"text": "...", "parentId": null}""", ct);
        if (problem is not null) return problem;
        if (CommentStore.TextProblem(body!.Text) is { } textProblem) return ApiProblems.BadInput("text", textProblem);
        var id = PaperRoutes.IdOf(ctx);
        var result = await comments.AddAsync(Viewer.From(ctx)!.Id, id, body.ParentId, body.Text!, ct);
        return result.Outcome switch
        {
            CommentOutcome.Done => TypedResults.Created($"/api/papers/{id}/comments#{result.Id}", CommentResponse.From((await comments.FindAsync(result.Id, ct))!)),
            CommentOutcome.ParentNotFound => ApiProblems.BadInput("parentId", $"Comment {body.ParentId} is not on paper '{id}'."),
            CommentOutcome.TooMany => CommunityRateLimits.TooManyRequests(ctx, result.RetryAfterSeconds),
            _ => ApiProblems.PaperNotFound(id),
        };
    }

    static async Task<IResult> EditCommentAsync(HttpContext ctx, long commentId, CommentStore comments, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CommentEditRequest>(ctx.Request, """{"text": "..."}""", ct);
        if (problem is not null) return problem;
        if (CommentStore.TextProblem(body!.Text) is { } textProblem) return ApiProblems.BadInput("text", textProblem);
        var result = await comments.EditAsync(Viewer.From(ctx)!.Id, commentId, body.Text!, ct);
        return Outcome(ctx, result, commentId) ?? TypedResults.Ok(CommentResponse.From((await comments.FindAsync(commentId, ct))!));
    }

    static async Task<IResult> DeleteCommentAsync(HttpContext ctx, long commentId, CommentStore comments, CancellationToken ct) =>
        Outcome(ctx, await comments.DeleteAsync(Viewer.From(ctx)!.Id, commentId, ct), commentId) ?? Results.NoContent();

    static IResult? Outcome(HttpContext ctx, CommentResult result, long commentId) => result.Outcome switch
    {
        CommentOutcome.Done => null,
        CommentOutcome.TooMany => CommunityRateLimits.TooManyRequests(ctx, result.RetryAfterSeconds),
        CommentOutcome.NotYours => ApiProblems.Problem(403, "Forbidden", $"Comment {commentId} is someone else's."),
        _ => ApiProblems.NotFound($"No live comment {commentId}."),
    };

    static async Task<IResult> SubmitAsync(HttpContext ctx, SubmissionService submissions, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<SubmitRequest>(ctx.Request, """{"id": "2409.01234"}""", ct);
        if (problem is not null) return problem;
        var viewer = Viewer.From(ctx)!;
        var result = await submissions.SubmitAsync(viewer, body!.Id, ct);
        if (result.Problem is not null)
            return ApiProblems.Problem(result.Status, result.Status switch { 404 => "Not found", 409 => "Already featured", 502 => "arXiv unreachable", _ => "Invalid parameter" },
                result.Problem, "id");
        return TypedResults.Created($"/api/papers/{result.PaperId}", new SubmitResponse(result.PaperId!, result.Day!.Value, viewer.Handle));
    }

    static async Task<IResult> FeatureAsync(HttpContext ctx, CuratorService curators, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<FeatureRequest>(ctx.Request, """{"day": "2026-08-21"}""", ct);
        if (problem is not null) return problem;
        if (!DateOnly.TryParseExact(body!.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return ApiProblems.BadInput("day", $"'{body.Day}' is not a day; use YYYY-MM-DD.");
        var id = PaperRoutes.IdOf(ctx);
        return await curators.FeatureAsync(Viewer.From(ctx)!, id, day, ct) ? TypedResults.Ok(new FeatureResponse(id, day)) : ApiProblems.PaperNotFound(id);
    }

    static async Task<IResult> HideAsync(HttpContext ctx, CuratorService curators, bool hidden, CancellationToken ct)
    {
        var id = PaperRoutes.IdOf(ctx);
        return await curators.SetHiddenAsync(Viewer.From(ctx)!, id, hidden, ct) ? Results.NoContent() : ApiProblems.PaperNotFound(id);
    }
}
