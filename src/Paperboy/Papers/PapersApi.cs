using Microsoft.AspNetCore.Http.HttpResults;

namespace Paperboy.Papers;

/// <summary><c>GET /api/papers/{id}</c>: one paper in Hugging Face's flat shape; a versioned id answers for the bare one.</summary>
public static class PapersApi
{
    public static async Task<Results<Ok<HfPaper>, ProblemHttpResult>> FindAsync(string id, PaperStore store, CancellationToken ct)
    {
        if (!ArxivId.TryParse(id, out var arxivId))
            return TypedResults.Problem(statusCode: 404, title: "Paper not found",
                detail: $"'{id}' is not an arXiv id; they look like 2409.01234 or hep-th/9901001.");
        var view = await store.FindAsync(arxivId.Id, ct);
        return view is null
            ? TypedResults.Problem(statusCode: 404, title: "Paper not found", detail: $"There is no paper {arxivId.Id} here.")
            : TypedResults.Ok(HfPaper.From(view.Paper, view.Featured));
    }
}
