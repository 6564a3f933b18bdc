using System.Text;
using System.Text.RegularExpressions;
using Paperboy.Storage;

namespace Paperboy.Digest;

/// <summary>The words of a digest, shared by its plain-text and HTML parts.</summary>
public static partial class DigestText
{
    /// <summary>arXiv's hard line breaks and runs of spaces undone.</summary>
    public static string Flatten(string text) => NeedsFlattening(text) ? Spaces().Replace(text, " ").Trim() : text;

    static bool NeedsFlattening(string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))) return true;
        for (var i = 0; i < text.Length; i++)
            if (text[i] is '\n' or '\r' or '\t' || text[i] == ' ' && i + 1 < text.Length && text[i + 1] == ' ') return true;
        return false;
    }

    /// <summary>The first <paramref name="max"/> characters of the abstract, cut at a word, with an ellipsis when cut.</summary>
    public static string Opening(string text, int max)
    {
        var flat = Flatten(text);
        if (flat.Length <= max || flat.Length == max + 1 && flat.EndsWith('…')) return flat; // already cut
        var cut = flat.LastIndexOf(' ', max);
        return flat[..(cut > max / 2 ? cut : max)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>Up to six names, then "and N more".</summary>
    public static string Authors(IReadOnlyList<string> authors) => authors.Count <= 6
        ? string.Join(", ", authors)
        : string.Join(", ", authors.Take(5)) + $" and {authors.Count - 5} more";

    public static string Heading(DigestPeriod period) =>
        (period.Frequency == DigestFrequency.Weekly ? "This week's" : "The day's") + " trending papers · " + period.Label;

    public static string Subject(DigestPeriod period, DigestContent content, IReadOnlyDictionary<string, PaperSummary> papers)
    {
        var sb = new StringBuilder(period.Frequency == DigestFrequency.Weekly ? "Weekly papers, " : "Daily papers, ").Append(period.Label);
        var matches = content.Sections.Sum(s => s.Papers.Count);
        if (matches > 0) sb.Append($" · {matches} new on your watch-lists");
        else if (content.Featured.Count > 0 && papers.TryGetValue(content.Featured[0], out var top)) sb.Append(": ").Append(Opening(top.Title, 80));
        return sb.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
