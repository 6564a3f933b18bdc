using System.Globalization;

namespace Paperboy.Search;

/// <summary>
/// Cuts a snippet of an abstract around the first query term and marks every term in it (matching a word's
/// start, so "transformer" marks "transformers"). Returns plain segments; the page renders marked ones in &lt;mark&gt;,
/// so nothing from a paper is ever written as HTML.
/// </summary>
public static class Highlighter
{
    public static IReadOnlyList<Segment> Snippet(string text, SearchQuery query, int length = 320)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var terms = query.Words.Concat(query.Phrases.SelectMany(p => p.Split(' '))).Concat(query.Authors.SelectMany(a => a.Split(' ')))
            .Select(Stem).Where(t => t.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var first = terms.Select(t => IndexOfWord(text, t, 0)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - length / 4);
        if (start > 0) start = text.IndexOf(' ', start) + 1;
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length && text.LastIndexOf(' ', end) > start) end = text.LastIndexOf(' ', end);
        var window = text[start..end];
        var segments = new List<Segment>();
        if (start > 0) segments.Add(new Segment("… ", false));
        var pos = 0;
        while (pos < window.Length)
        {
            int at = -1, len = 0;
            foreach (var t in terms)
            {
                var i = IndexOfWord(window, t, pos);
                if (i >= 0 && (at < 0 || i < at)) (at, len) = (i, t.Length);
            }
            if (at < 0) { segments.Add(new Segment(window[pos..], false)); break; }
            var wordEnd = at + len;
            while (wordEnd < window.Length && char.IsLetterOrDigit(window[wordEnd])) wordEnd++;
            if (at > pos) segments.Add(new Segment(window[pos..at], false));
            segments.Add(new Segment(window[at..wordEnd], true));
            pos = wordEnd;
        }
        if (end < text.Length) segments.Add(new Segment(" …", false));
        return segments;
    }

    /// <summary>A crude stem, enough to mark plurals and -ing forms.</summary>
    static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        foreach (var suffix in new[] { "ing", "es", "s", "ed" })
            if (w.Length > suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal)) return w[..^suffix.Length];
        return w;
    }

    static int IndexOfWord(string text, string term, int from)
    {
        var i = from;
        while ((i = CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, term, i, CompareOptions.IgnoreCase)) >= 0)
        {
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1])) return i;
            i++;
        }
        return -1;
    }

    public sealed record Segment(string Text, bool Marked);
}
