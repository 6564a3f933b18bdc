using System.Text.RegularExpressions;
using Paperboy.Domain;

namespace Paperboy.Community;

/// <summary>
/// The arXiv paper a BibTeX entry cites, however its tool wrote it: arXiv's and biblatex's <c>eprint</c>, an arxiv.org
/// <c>url</c>, Google Scholar's <c>journal={arXiv preprint arXiv:1706.03762}</c>, or arXiv's DOI (<c>10.48550/arXiv.1706.03762</c>).
/// </summary>
public static partial class BibtexArxivId
{
    [GeneratedRegex(@"arxiv\.org/(?:abs|pdf|html)/(?<id>[a-z\-]+(?:\.[A-Z]{2})?/\d{7}|\d{4}\.\d{4,5})|arXiv[:.]\s*(?<id>[a-z\-]+(?:\.[A-Z]{2})?/\d{7}|\d{4}\.\d{4,5})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    static readonly string[] Places = ["url", "journal", "doi", "howpublished", "note", "volume", "arxiv", "arxivid"];

    /// <summary>The bare id (no version), or null when the entry names no arXiv paper.</summary>
    public static string? Find(BibtexEntry entry)
    {
        if (entry.Fields.TryGetValue("eprint", out var eprint) && IsArxivPrefix(entry) && ArxivId.TryParse(eprint, out var id)) return id.Id;
        foreach (var place in Places)
        {
            if (!entry.Fields.TryGetValue(place, out var value)) continue;
            if (ArxivId.TryParse(value, out id)) return id.Id;
            if (Mention().Match(value) is { Success: true } m && ArxivId.TryParse(m.Groups["id"].Value, out id)) return id.Id;
        }
        return null;
    }

    /// <summary>An eprint is arXiv's unless the entry says it is another archive's.</summary>
    static bool IsArxivPrefix(BibtexEntry entry)
    {
        var prefix = entry.Fields.GetValueOrDefault("archiveprefix") ?? entry.Fields.GetValueOrDefault("eprinttype");
        return prefix is null || prefix.Equals("arXiv", StringComparison.OrdinalIgnoreCase);
    }
}
