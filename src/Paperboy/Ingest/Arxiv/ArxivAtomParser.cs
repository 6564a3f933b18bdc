using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Paperboy.Domain;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// Reads the arXiv query API's Atom (the 2016 form with inline opensearch namespaces, <c>arxiv:affiliation</c> and
/// <c>arxiv:doi</c>, and today's). An error feed (one entry with an <c>/api/errors</c> id, titled <c>Error</c>) becomes
/// <see cref="ArxivFeed.Error"/>. An entry without an arXiv id or a title is rejected with its place in the result.
/// </summary>
public static class ArxivAtomParser
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";
    static readonly XNamespace ArxivNs = "http://arxiv.org/schemas/atom";

    public static ArxivFeed Parse(string xml)
    {
        XDocument doc;
        try { doc = ArxivXml.Parse(xml); }
        catch (XmlException e) { throw new ImportSourceException($"arXiv answered something that is not Atom XML ({e.Message})"); }
        var feed = doc.Root ?? throw new ImportSourceException("arXiv answered an empty document");
        var total = Int(feed.Element(OpenSearch + "totalResults"));
        var start = Int(feed.Element(OpenSearch + "startIndex"));
        var entries = new List<PaperRecord>();
        var rejected = new List<ImportProblem>();
        var position = 0;
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            position++;
            var id = (string?)entry.Element(Atom + "id") ?? "";
            if (id.Contains("/api/errors", StringComparison.Ordinal)) // arXiv's error entry; its title "Error" could be a paper's
                return new ArxivFeed([], 0, start, TextClean.Whitespace((string?)entry.Element(Atom + "summary")) is { Length: > 0 } s ? s : id);
            if (ParseEntry(entry, out var reason) is { } paper) entries.Add(paper);
            else rejected.Add(new ImportProblem($"entry {start + position}", reason)); // its place in the whole result, across pages
        }
        return new ArxivFeed(entries, total, start, null) { Rejected = rejected };
    }

    static PaperRecord? ParseEntry(XElement e, out string reason)
    {
        var rawId = (string?)e.Element(Atom + "id");
        if (!ArxivId.TryParse(rawId, out var id))
        {
            reason = rawId is null ? "no id" : $"'{rawId}' is not an arXiv id";
            return null;
        }
        var title = TextClean.Whitespace((string?)e.Element(Atom + "title"));
        if (title.Length == 0)
        {
            reason = $"{id.Id}: no title";
            return null;
        }
        reason = "";
        var published = Time(e.Element(Atom + "published"));
        var primary = TextClean.WhitespaceOrNull((string?)e.Element(ArxivNs + "primary_category")?.Attribute("term"));
        var categories = e.Elements(Atom + "category").Select(c => TextClean.Whitespace((string?)c.Attribute("term"))).Where(c => c.Length > 0).ToList();
        if (primary is not null) { categories.Remove(primary); categories.Insert(0, primary); }
        return new PaperRecord
        {
            Id = id.Id,
            Version = id.Version,
            IsArxivMetadata = true,
            Title = title,
            Abstract = TextClean.Whitespace((string?)e.Element(Atom + "summary")),
            Authors = [.. e.Elements(Atom + "author").Select(a => TextClean.Whitespace((string?)a.Element(Atom + "name"))).Where(n => n.Length > 0)],
            Categories = categories,
            PublishedAt = published,
            UpdatedAt = e.Element(Atom + "updated") is { } u ? Time(u) : published,
            Comment = TextClean.WhitespaceOrNull((string?)e.Element(ArxivNs + "comment")),
            JournalRef = TextClean.WhitespaceOrNull((string?)e.Element(ArxivNs + "journal_ref")),
            Doi = TextClean.WhitespaceOrNull((string?)e.Element(ArxivNs + "doi")),
        };
    }

    static int Int(XElement? e) => int.TryParse((string?)e, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0;

    static DateTime Time(XElement? e) =>
        DateTime.TryParse((string?)e, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : DateTime.UnixEpoch;
}
