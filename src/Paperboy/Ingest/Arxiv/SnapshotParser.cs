using System.Text.Json;
using Paperboy.Domain;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// One line of arXiv's bulk metadata snapshot (<c>arxiv-metadata-oai-snapshot.json</c>): <c>versions[]</c> gives the
/// version number and dates (v1's <c>created</c> is the publication time); authors come from <c>authors_parsed</c>
/// (key name, fore names, suffix) when present, else from the <c>authors</c> string. A hot loop: one pass of a
/// <see cref="Utf8JsonReader"/>, no document.
/// </summary>
public static class SnapshotParser
{
    public static bool TryParse(ReadOnlySpan<byte> line, out PaperRecord record, out string reason)
    {
        record = null!;
        try { return TryParseCore(line, out record, out reason); }
        catch (JsonException e) { reason = $"not valid JSON ({e.Message.Split(" Path:")[0].TrimEnd('.')})"; }
        catch (FormatException e) { reason = e.Message; }
        catch (InvalidOperationException e) { reason = $"unexpected JSON ({e.Message})"; }
        return false;
    }

    static bool TryParseCore(ReadOnlySpan<byte> line, out PaperRecord record, out string reason)
    {
        record = null!;
        var r = new Utf8JsonReader(line);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) { reason = "not a JSON object"; return false; }
        string? id = null, title = null, abstractText = null, authors = null, categories = null, comments = null, journalRef = null, doi = null;
        List<string>? parsedAuthors = null;
        List<(int Number, DateTime Created)>? versions = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8)) id = NextString(ref r);
            else if (r.ValueTextEquals("title"u8)) title = NextString(ref r);
            else if (r.ValueTextEquals("abstract"u8)) abstractText = NextString(ref r);
            else if (r.ValueTextEquals("authors"u8)) authors = NextString(ref r);
            else if (r.ValueTextEquals("categories"u8)) categories = NextString(ref r);
            else if (r.ValueTextEquals("comments"u8)) comments = NextString(ref r);
            else if (r.ValueTextEquals("journal-ref"u8)) journalRef = NextString(ref r);
            else if (r.ValueTextEquals("doi"u8)) doi = NextString(ref r);
            else if (r.ValueTextEquals("authors_parsed"u8)) parsedAuthors = ReadParsedAuthors(ref r);
            else if (r.ValueTextEquals("versions"u8)) versions = ReadVersions(ref r);
            else { r.Read(); r.Skip(); }
        }
        if (!ArxivId.TryParse(id, out var arxivId)) { reason = id is null ? "no \"id\"" : $"\"{id}\" is not an arXiv id"; return false; }
        var cleanTitle = TextClean.Whitespace(title);
        if (cleanTitle.Length == 0) { reason = $"{arxivId.Id}: no title"; return false; }
        if (versions is not { Count: > 0 }) { reason = $"{arxivId.Id}: no versions"; return false; }
        versions.Sort((a, b) => a.Number.CompareTo(b.Number));
        record = new PaperRecord
        {
            Id = arxivId.Id,
            Version = versions[^1].Number,
            IsArxivMetadata = true,
            Title = cleanTitle,
            Abstract = TextClean.Whitespace(abstractText),
            Authors = parsedAuthors is { Count: > 0 } ? parsedAuthors : ArxivAuthors.Split(authors),
            Categories = TextClean.Whitespace(categories).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            PublishedAt = versions[0].Created,
            UpdatedAt = versions[^1].Created,
            Comment = TextClean.WhitespaceOrNull(comments),
            JournalRef = TextClean.WhitespaceOrNull(journalRef),
            Doi = TextClean.WhitespaceOrNull(doi),
        };
        reason = "";
        return true;
    }

    static string? NextString(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType == JsonTokenType.String) return r.GetString();
        r.Skip();
        return null;
    }

    /// <summary><c>[["Bal\u00e1zs","C.",""], ...]</c> → "C. Balázs".</summary>
    static List<string>? ReadParsedAuthors(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray) { r.Skip(); return null; }
        var names = new List<string>();
        while (r.Read() && r.TokenType == JsonTokenType.StartArray)
        {
            string? key = null, fore = null, suffix = null;
            var i = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                var part = r.TokenType == JsonTokenType.String ? r.GetString() : null;
                if (i == 0) key = part; else if (i == 1) fore = part; else if (i == 2) suffix = part;
                i++;
            }
            var name = TextClean.Whitespace(string.Join(' ', new[] { fore, key, suffix }.Where(s => !string.IsNullOrWhiteSpace(s))));
            if (name.Length > 0) names.Add(name);
        }
        return names;
    }

    static List<(int, DateTime)>? ReadVersions(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray) { r.Skip(); return null; }
        var versions = new List<(int, DateTime)>(2);
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            int number = 0;
            DateTime created = default;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("version"u8)) { var v = NextString(ref r); number = v is ['v', ..] && int.TryParse(v.AsSpan(1), out var n) ? n : 0; }
                else if (r.ValueTextEquals("created"u8)) created = OaiPmhParser.RfcDate(NextString(ref r));
                else { r.Read(); r.Skip(); }
            }
            if (number <= 0) throw new FormatException("a version without a number like \"v1\"");
            versions.Add((number, created));
        }
        return versions;
    }
}
