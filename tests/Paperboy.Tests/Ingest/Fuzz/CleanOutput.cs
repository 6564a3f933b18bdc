using System.Xml;
using Paperboy.Domain;
using Paperboy.Ingest;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>
/// What must hold of everything a reader gives, however bad its input: ids are arXiv ids, text is text that every page,
/// Atom feed and database can carry (no character XML forbids (controls but tab and line breaks, lone surrogates, U+FFFE) nor DEL), titles and author names
/// are one line, links are http(s) only, and a problem is one short readable line. Each breach is said in words.
/// </summary>
public static class CleanOutput
{
    /// <summary>Longest problem text that still reads as one line in the CLI, the log and the import run's row.</summary>
    public const int LongestProblem = 1_000;

    public static List<string> Violations(ReaderOutcome outcome)
    {
        var found = new List<string>();
        foreach (var r in outcome.Records) Check(r, found);
        foreach (var f in outcome.Featured)
            foreach (var (name, text) in new[] { ("submitted by", f.SubmittedBy), ("submitted by (full name)", f.SubmittedByName) })
                if (!IsXmlText(text)) found.Add($"{f.PaperId}: {name} {Show(text)} has characters XML cannot carry");
        foreach (var p in outcome.Problems.Select(p => p.ToString()).Append(outcome.Unreadable).OfType<string>())
            if (!IsXmlText(p) || p.Contains('\n') || p.Length > LongestProblem || p.Trim().Length == 0)
                found.Add($"problem {Show(p)} is not one short readable line");
        return found;
    }

    static void Check(PaperRecord r, List<string> found)
    {
        if (!ArxivId.TryParse(r.Id, out var id) || id.Id != r.Id || id.Version is not null) found.Add($"id {Show(r.Id)} is not a bare arXiv id");
        if (r.Version is <= 0) found.Add($"{r.Id}: version {r.Version}");
        if (r.Title.Length == 0) found.Add($"{r.Id}: empty title");
        foreach (var (name, text) in new[] { ("title", r.Title), ("abstract", r.Abstract) }.Concat(r.Authors.Select(a => ("author", a))))
            if (text != Paperboy.Ingest.TextClean.Whitespace(text)) found.Add($"{r.Id}: {name} {Show(text)} is not folded to one line");
        var texts = new[] { ("title", r.Title), ("abstract", r.Abstract), ("comment", r.Comment), ("journal ref", r.JournalRef), ("doi", r.Doi),
                ("AI summary", r.AiSummary), ("organization", r.Organization) }
            .Concat(r.Authors.Select(a => ("author", (string?)a))).Concat(r.Categories.Select(c => ("category", (string?)c)))
            .Concat((r.AiKeywords ?? []).Select(k => ("AI keyword", (string?)k)));
        foreach (var (name, text) in texts)
            if (!IsXmlText(text)) found.Add($"{r.Id}: {name} {Show(text)} has characters XML cannot carry");
        foreach (var (name, url) in new[] { ("project page", r.ProjectPage), ("GitHub repo", r.GithubRepo), ("thumbnail", r.Thumbnail) })
            if (url is not null && HttpLink.OrNull(url) != url) found.Add($"{r.Id}: {name} {Show(url)} is not an http(s) link");
    }

    static bool IsXmlText(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]) && text[i] != '\u007f') continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) { i++; continue; }
            return false;
        }
        return true;
    }

    /// <summary>The text as a C# literal would show it, cut short: control characters and lone surrogates visible.</summary>
    static string Show(string? text) =>
        text is null ? "null" : "\"" + string.Concat(text.Take(80).Select(c => c < ' ' || c == '\u007f' || char.IsSurrogate(c) || c > '\uFFFD' ? $"\\u{(int)c:x4}" : c.ToString())) + (text.Length > 80 ? "…\"" : "\"");
}
