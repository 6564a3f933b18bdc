using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Paperboy.Papers;

namespace Paperboy.Community;

/// <summary>
/// Fetches one paper's metadata from the arXiv query API for a submission.
/// TODO: route through Ingest/Arxiv/ArxivApiClient (its rate limit and parser) once the ingest branch lands.
/// </summary>
public sealed class ArxivLookup(HttpClient http, IOptions<ArxivLookupOptions> options)
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    /// <summary>The paper, or null when arXiv has no such id. Throws <see cref="HttpRequestException"/> when arXiv cannot be reached.</summary>
    public async Task<Paper?> FindAsync(ArxivId id, CancellationToken ct)
    {
        var url = $"{options.Value.ApiBaseUrl.TrimEnd('/')}/api/query?search_query=&id_list={Uri.EscapeDataString(id.ToString())}&start=0&max_results=1";
        using var response = await http.GetAsync(url, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.BadRequest) return null; // arXiv's error feed: not an id it knows
        response.EnsureSuccessStatusCode();
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var entry = feed.Root?.Elements(Atom + "entry").FirstOrDefault();
        if (entry is null || (string?)entry.Element(Atom + "title") == "Error") return null;
        var idUrl = (string?)entry.Element(Atom + "id") ?? "";
        var version = idUrl.LastIndexOf('v') is var v and > 0 && int.TryParse(idUrl[(v + 1)..], out var n) ? n : 1;
        var published = Date(entry.Element(Atom + "published"));
        return new Paper
        {
            Id = id.Id,
            Version = version,
            Title = Squash((string?)entry.Element(Atom + "title")),
            Abstract = Squash((string?)entry.Element(Atom + "summary")),
            Authors = entry.Elements(Atom + "author").Select(a => Squash((string?)a.Element(Atom + "name"))).ToList(),
            Categories = Categories(entry),
            PublishedAt = published,
            UpdatedAt = entry.Element(Atom + "updated") is { } u ? Date(u) : published,
            Comment = (string?)entry.Element(Arxiv + "comment"),
            JournalRef = (string?)entry.Element(Arxiv + "journal_ref"),
            Doi = (string?)entry.Element(Arxiv + "doi"),
            CreatedAt = DateTime.UtcNow,
        };
    }

    static List<string> Categories(XElement entry)
    {
        var primary = (string?)entry.Element(Arxiv + "primary_category")?.Attribute("term");
        var all = entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")).OfType<string>().ToList();
        if (primary is not null) { all.Remove(primary); all.Insert(0, primary); }
        return all;
    }

    static DateTime Date(XElement? e) =>
        DateTime.Parse((string?)e ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    static string Squash(string? s) => string.Join(' ', (s ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Section <c>Paperboy:Sources:Arxiv</c> (the part submissions need).</summary>
public sealed class ArxivLookupOptions
{
    public const string Section = "Paperboy:Sources:Arxiv";
    public string ApiBaseUrl { get; set; } = "https://export.arxiv.org";
}
