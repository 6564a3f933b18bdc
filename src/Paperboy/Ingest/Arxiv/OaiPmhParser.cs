using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Paperboy.Domain;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// Reads OAI-PMH <c>ListRecords</c>/<c>GetRecord</c> answers in arXiv's two metadata formats: <c>arXivRaw</c>
/// (every version with its date, authors as one string) and <c>arXiv</c> (created/updated days, authors split into
/// key names and fore names, no version number). Whitespace in text fields is not significant.
/// </summary>
public static class OaiPmhParser
{
    static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";

    public static OaiPage Parse(string xml)
    {
        XDocument doc;
        try { doc = ArxivXml.Parse(xml); }
        catch (XmlException e) { throw new ImportSourceException($"the OAI-PMH answer is not XML ({e.Message})"); }
        var root = doc.Root!;
        if (root.Element(Oai + "error") is { } error)
            return new OaiPage([], 0, [], null, (string?)error.Attribute("code"), TextClean.Whitespace(error.Value));
        var records = new List<PaperRecord>();
        var rejected = new List<ImportProblem>();
        var deleted = 0;
        var position = 0;
        foreach (var record in root.Descendants(Oai + "record"))
        {
            position++;
            var header = record.Element(Oai + "header");
            // The position finds a record whose header is missing or lies; the identifier tells the operator which paper it was.
            var where = (string?)header?.Element(Oai + "identifier") is { } identifier ? $"record {position} ({identifier})" : $"record {position}";
            if ((string?)header?.Attribute("status") == "deleted") { deleted++; continue; }
            var metadata = record.Element(Oai + "metadata")?.Elements().FirstOrDefault();
            try
            {
                // By local name: some recorded answers were hand-edited and lost the format's xmlns (it then inherits OAI's).
                records.Add(metadata?.Name.LocalName == "arXivRaw" ? FromRaw(metadata)
                    : metadata?.Name.LocalName == "arXiv" ? FromArxiv(metadata)
                    : throw new FormatException($"metadata is {metadata?.Name.LocalName ?? "missing"}, not arXiv or arXivRaw"));
            }
            catch (FormatException e) { rejected.Add(new ImportProblem(where, e.Message)); }
        }
        var token = TextClean.WhitespaceOrNull((string?)root.Descendants(Oai + "resumptionToken").FirstOrDefault());
        return new OaiPage(records, deleted, rejected, token, null, null);
    }

    static PaperRecord FromRaw(XElement m)
    {
        var ns = m.Name.Namespace;
        var id = Id(m, ns);
        var versions = m.Elements(ns + "version")
            .Select(v => (Number: int.TryParse(((string?)v.Attribute("version"))?.TrimStart('v'), out var n) ? n : 0, Date: RfcDate((string?)v.Element(ns + "date"))))
            .Where(v => v.Number > 0).OrderBy(v => v.Number).ToList();
        if (versions.Count == 0) throw new FormatException($"{id}: no version");
        return Common(m, ns, id) with
        {
            Version = versions[^1].Number,
            Authors = ArxivAuthors.Split((string?)m.Element(ns + "authors")),
            PublishedAt = versions[0].Date,
            UpdatedAt = versions[^1].Date,
        };
    }

    static PaperRecord FromArxiv(XElement m)
    {
        var ns = m.Name.Namespace;
        var id = Id(m, ns);
        var created = Day((string?)m.Element(ns + "created")) ?? throw new FormatException($"{id}: no created date");
        var authors = m.Element(ns + "authors")?.Elements(ns + "author").Select(a => TextClean.Whitespace(string.Join(' ',
            new[] { (string?)a.Element(ns + "forenames"), (string?)a.Element(ns + "keyname"), (string?)a.Element(ns + "suffix") }
                .Where(s => !string.IsNullOrWhiteSpace(s))))).Where(n => n.Length > 0).ToList() ?? [];
        return Common(m, ns, id) with
        {
            Version = null,
            Authors = authors,
            PublishedAt = created,
            UpdatedAt = Day((string?)m.Element(ns + "updated")) ?? created,
        };
    }

    static string Id(XElement m, XNamespace ns) =>
        ArxivId.TryParse((string?)m.Element(ns + "id"), out var id) ? id.Id : throw new FormatException($"'{(string?)m.Element(ns + "id")}' is not an arXiv id");

    static PaperRecord Common(XElement m, XNamespace ns, string id)
    {
        var title = TextClean.Whitespace((string?)m.Element(ns + "title"));
        if (title.Length == 0) throw new FormatException($"{id}: no title");
        return new PaperRecord
        {
            Id = id,
            IsArxivMetadata = true,
            Title = title,
            Abstract = TextClean.Whitespace((string?)m.Element(ns + "abstract")),
            Categories = TextClean.Whitespace((string?)m.Element(ns + "categories")).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Comment = TextClean.WhitespaceOrNull((string?)m.Element(ns + "comments")),
            JournalRef = TextClean.WhitespaceOrNull((string?)m.Element(ns + "journal-ref")),
            Doi = TextClean.WhitespaceOrNull((string?)m.Element(ns + "doi")),
        };
    }

    /// <summary><c>Sun, 30 Mar 2008 23:26:50 GMT</c> (also the snapshot's version dates).</summary>
    public static DateTime RfcDate(string? text) =>
        DateTime.TryParseExact(TextClean.Whitespace(text), ["ddd, d MMM yyyy HH:mm:ss 'GMT'", "r"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t : throw new FormatException($"'{text}' is not a date like 'Sun, 30 Mar 2008 23:26:50 GMT'");

    static DateTime? Day(string? text) =>
        DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
