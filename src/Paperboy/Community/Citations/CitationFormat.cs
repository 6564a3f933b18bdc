namespace Paperboy.Community;

/// <summary>The citation formats a paper and a collection export to: <c>?format=bibtex|ris|csljson</c>.</summary>
public sealed record CitationFormat(string Name, string Label, string ContentType, string Extension, Func<IReadOnlyList<CitedPaper>, string> Write)
{
    public static readonly CitationFormat Bibtex = new("bibtex", "BibTeX", "application/x-bibtex; charset=utf-8", "bib", BibtexWriter.Write);
    public static readonly CitationFormat Ris = new("ris", "RIS", "application/x-research-info-systems; charset=utf-8", "ris", RisWriter.Write);
    public static readonly CitationFormat CslJson = new("csljson", "CSL-JSON", "application/vnd.citationstyles.csl+json; charset=utf-8", "json", CslJsonWriter.Write);

    public static IReadOnlyList<CitationFormat> All { get; } = [Bibtex, Ris, CslJson];

    /// <summary>The format named by <paramref name="name"/> (absent is BibTeX), or null with what to ask for instead.</summary>
    public static CitationFormat? Find(string? name, out string problem)
    {
        problem = "";
        if (string.IsNullOrEmpty(name)) return Bibtex;
        if (All.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } format) return format;
        var shown = Paperboy.Domain.ControlCharacters.Strip(name);
        problem = $"'{(shown.Length > 40 ? shown[..40] + "…" : shown)}' is not a citation format; use bibtex, ris or csljson.";
        return null;
    }

    /// <summary>The answer: the text, typed, named as a file to save (<c>vaswani2017attentionneed.bib</c>).</summary>
    public IResult Result(IReadOnlyList<CitedPaper> papers, string fileName) =>
        new CitationResult(Write(papers), ContentType, $"{fileName}.{Extension}");

    sealed class CitationResult(string text, string contentType, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = contentType;
            context.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
            return context.Response.WriteAsync(text, context.RequestAborted);
        }
    }
}
