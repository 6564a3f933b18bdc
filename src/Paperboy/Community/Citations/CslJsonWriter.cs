using System.Text.Encodings.Web;
using System.Text.Json;
using Paperboy.Domain;

namespace Paperboy.Community;

/// <summary>
/// CSL-JSON (what citeproc, Zotero and Pandoc read): an array of <c>"type": "article"</c> items published by arXiv, the
/// arXiv id as <c>number</c>, the BibTeX key as <c>id</c>. Titles and abstracts are plain text (their LaTeX read).
/// </summary>
public static class CslJsonWriter
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyList<CitedPaper> papers)
    {
        var keys = CitationKey.Unique(papers.Select(p => p.Paper));
        return JsonSerializer.Serialize(papers.Select((cited, i) => Item(cited, keys[i])).ToList(), Options);
    }

    static Dictionary<string, object> Item(CitedPaper cited, string key)
    {
        var p = cited.Paper;
        var item = new Dictionary<string, object>
        {
            ["type"] = "article",
            ["id"] = key,
            ["title"] = AbstractText.ToPlainText(p.Title),
            ["author"] = p.Authors.Select(Name).ToList(),
            ["issued"] = new Dictionary<string, object> { ["date-parts"] = new[] { new[] { p.PublishedAt.Year, p.PublishedAt.Month, p.PublishedAt.Day } } },
            ["URL"] = cited.Url,
            ["number"] = p.Id,
            ["publisher"] = "arXiv",
        };
        if (p.Doi is { Length: > 0 } doi) item["DOI"] = doi.Trim();
        if (p.Abstract.Length > 0) item["abstract"] = AbstractText.ToPlainText(p.Abstract);
        if (cited.TagList.Count > 0) item["keyword"] = string.Join(", ", cited.TagList);
        if (cited.Note.Length > 0) item["note"] = cited.Note;
        return item;
    }

    static Dictionary<string, string> Name(string author)
    {
        var (family, given, suffix) = CitationNames.Split(author);
        var name = new Dictionary<string, string> { ["family"] = family };
        if (given.Length > 0) name["given"] = given;
        if (suffix.Length > 0) name["suffix"] = suffix;
        return name;
    }
}
