using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Web;

namespace Paperboy.Papers;

/// <summary><c>GET /api/papers/{id}</c>: one paper in Hugging Face's flat shape; a versioned id answers for the bare one.</summary>
public static class PapersApi
{
    public static async Task<Results<Ok<HfPaper>, ProblemHttpResult>> FindAsync(string id, PaperStore store, CancellationToken ct)
    {
        if (!PaperRoutes.TryParse(id, out var arxivId, out var problem)) return ApiProblems.PaperNotFound(id, problem);
        var view = await store.FindAsync(arxivId.Id, ct);
        return view is null
            ? ApiProblems.PaperNotFound(arxivId.Id)
            : TypedResults.Ok(HfPaper.From(view.Paper, view.Featured));
    }
}
