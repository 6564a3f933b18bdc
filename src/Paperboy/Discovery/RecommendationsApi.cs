using System.Globalization;
using Paperboy.Community;
using Paperboy.Web;

namespace Paperboy.Discovery;

/// <summary>
/// <c>GET /api/recommendations</c> (a token or the sign-in cookie) and dismissing one (<c>DELETE /api/recommendations/{id}</c>
/// or <c>POST …/{id}/dismiss</c>, a token like every community write).
/// </summary>
public static class RecommendationsApi
{
    public const int MaxLimit = 100;

    public static async Task<IResult> ListAsync(HttpContext ctx, string? limit, string? since, Recommender recommender, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer)
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Sign-in required",
                "Send a personal API token as 'Authorization: Bearer <token>' (create one on your account page), or sign in.");
        var errors = new Dictionary<string, string[]>();
        var size = QueryNumber.Read(limit, "limit", 1, MaxLimit, 20, errors);
        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) from = day;
            else errors["since"] = [$"since must be a date as YYYY-MM-DD, not '{(since.Length > 40 ? since[..40] + "…" : since)}'."];
        }
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var items = await recommender.ListAsync(viewer.Id, from, size, ct);
        return TypedResults.Ok(items.Select(RecommendationResponse.From));
    }

    public static async Task<IResult> DismissAsync(HttpContext ctx, Recommender recommender, CancellationToken ct)
    {
        var paperId = PaperRoutes.IdOf(ctx);
        return await recommender.DismissAsync(Viewer.From(ctx)!.Id, paperId, ct) ? Results.NoContent() : ApiProblems.PaperNotFound(paperId);
    }
}

/// <summary>A recommendation in Hugging Face's daily-entry shape (the paper, its title and summary), plus why it is recommended.</summary>
public sealed record RecommendationResponse(HfPaper Paper, string PublishedAt, string Title, string Summary, int NumComments, string Reason)
{
    public static RecommendationResponse From(Recommendation r) => new(HfPaper.From(r.Paper, r.Featured), HfPaper.Timestamp(r.Paper.PublishedAt),
        r.Paper.Title, r.Paper.Abstract, r.Paper.CommentCount + r.Paper.ImportedComments, r.Reason);
}
