using Paperboy.Community;
using Paperboy.Web;

namespace Paperboy.Papers;

/// <summary><c>GET /api/papers/{id}/cite?format=bibtex|ris|csljson</c>: one paper as a citation (BibTeX as arXiv exports it by default).</summary>
public static class PaperCitation
{
    public static async Task<IResult> CiteAsync(HttpContext ctx, string? format, PaperStore store, CancellationToken ct)
    {
        if (CitationFormat.Find(format, out var problem) is not { } citation) return ApiProblems.BadInput("format", problem);
        var id = PaperRoutes.IdOf(ctx);
        return await store.FindAsync(id, ct) is { } view
            ? citation.Result([new CitedPaper(view.Paper)], CitationKey.Of(view.Paper))
            : ApiProblems.PaperNotFound(id);
    }
}
