using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary><c>/papers/submit</c>: the form; the API's twin lives in <see cref="CommunityApi"/>. Both go through <see cref="SubmissionService"/>.</summary>
public static class SubmissionEndpoints
{
    public static void MapSubmissions(this WebApplication app)
    {
        var forms = AntiforgeryCheck.FormPosts(app);
        app.MapGet("/papers/submit", (HttpContext ctx, IOptions<CommunityOptions> options) =>
            Viewer.From(ctx) is null ? Pages.SignInFirst(ctx) : Pages.Render<SubmitPage>(new { MaxAgeDays = options.Value.SubmissionMaxAgeDays }));
        forms.MapPost("/papers/submit", async (HttpContext ctx, [FromForm] string? id, SubmissionService submissions, PaperboyDb db,
            IOptions<CommunityOptions> options, CancellationToken ct) =>
        {
            if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
            var maxAge = options.Value.SubmissionMaxAgeDays;
            var result = await submissions.SubmitAsync(viewer, id, ct);
            if (result.Problem is not null)
                return Pages.Render<SubmitPage>(new { MaxAgeDays = maxAge, Input = id, Error = result.Problem }, result.Status is 502 ? 502 : 400);
            var title = (await db.FindAsync<Paper>([result.PaperId!], ct))?.Title ?? result.PaperId;
            return Pages.Render<SubmitPage>(new { MaxAgeDays = maxAge, FeaturedId = result.PaperId, FeaturedTitle = title });
        }).RequireRateLimiting(CommunityRateLimits.Submissions);
    }
}
