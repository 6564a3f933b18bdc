using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Search;
using Paperboy.Web;

namespace Paperboy.Papers;

/// <summary>The handler of <c>/papers/{arxivId}</c>; old-style ids contain a slash, hence a catch-all route.</summary>
public static class PaperPages
{
    public static async Task<IResult> ShowAsync(string id, PaperStore store, PaperSearch search, CancellationToken ct)
    {
        if (!PaperRoutes.TryParse(id, out var arxivId, out var problem)) return Pages.NotFound(problem);
        if (arxivId.Id != id) return Results.Redirect($"/papers/{arxivId.Id}", permanent: true);
        var view = await store.FindAsync(arxivId.Id, ct);
        return view is null
            ? Pages.NotFound($"There is no paper {arxivId.Id} here yet.")
            : new RazorComponentResult<PaperPage>(new { View = view, Related = await search.RelatedAsync(arxivId.Id, 5, ct) });
    }
}
