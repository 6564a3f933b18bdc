using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Web;

namespace Paperboy.Papers;

/// <summary>The handler of <c>/papers/{arxivId}</c>; old-style ids contain a slash, hence a catch-all route.</summary>
public static class PaperPages
{
    public static async Task<IResult> ShowAsync(string id, PaperStore store, CancellationToken ct)
    {
        if (!ArxivId.TryParse(id, out var arxivId)) return Pages.NotFound($"'{id}' is not an arXiv id; they look like 2409.01234 or hep-th/9901001.");
        if (arxivId.Id != id) return Results.Redirect($"/papers/{arxivId.Id}", permanent: true);
        var view = await store.FindAsync(arxivId.Id, ct);
        return view is null
            ? Pages.NotFound($"There is no paper {arxivId.Id} here yet.")
            : new RazorComponentResult<PaperPage>(new { View = view });
    }
}
