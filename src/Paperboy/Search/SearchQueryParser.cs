using System.Globalization;
using System.Text;

namespace Paperboy.Search;

/// <summary>
/// Parses the query syntax: words, "phrases", author:hinton, author:"geoffrey hinton", cat:cs.LG, since:2026-01-01,
/// until:2026-06-30, -word and -"a phrase". Whatever a user types becomes plain terms (the engines' own operators
/// such as NEAR, *, ^, AND, OR are never passed through); only a query that cannot mean anything is an error.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxLength = 4096;
    public const int LongQueryWords = 12;

    /// <summary>The parsed query, or null and a message for the user saying what to change.</summary>
    /// <param name="requireTerms">False for a saved search over a bounded set of papers (a watch-list over the day's new
    /// papers), where cat: alone is a fine query; the caller then decides what a query needs.</param>
    public static (SearchQuery? Query, string? Error) Parse(string? text, bool requireTerms = true)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "Type some words to search for.");
        if (text.Length > MaxLength)
            return (null, $"The query is {text.Length} characters long; at most {MaxLength} are searched. Shorten it, for example to the abstract's first paragraph.");
        var q = new SearchQuery();
        var meaning = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            // (-0.28 in a pasted text is a number, not an exclusion)
            var negated = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && !char.IsDigit(text[i + 1]);
            if (negated) i++;
            if (text[i] == '"')
            {
                var phrase = ReadQuoted(text, ref i, q);
                if (phrase is null) continue;
                if (negated) q.Excluded.Add(phrase);
                else { q.Phrases.Add(phrase); meaning.Add(phrase); }
                continue;
            }
            var token = ReadBare(text, ref i);
            var colon = token.IndexOf(':');
            if (!negated && colon > 0 && colon < token.Length - 1 && token[..colon].All(char.IsAsciiLetter))
            {
                var value = token[(colon + 1)..];
                if (value[0] == '"')
                {
                    // A quoted field value: author:"geoffrey hinton"
                    i -= token.Length - colon - 1;
                    value = ReadQuoted(text, ref i, q) ?? "";
                }
                var error = AddField(q, token[..colon].ToLowerInvariant(), value, meaning);
                if (error is not null) return (null, error);
                continue;
            }
            var word = Clean(token);
            if (word.Length == 0) continue;
            if (negated) q.Excluded.Add(word);
            else { q.Words.AddRange(word.Split(' ')); meaning.Add(word); }
        }
        if (requireTerms && !q.HasPositiveTerms)
            return (null, q.Excluded.Count > 0 || q.Categories.Count > 0 || q.Since is not null || q.Until is not null
                ? "Add at least one word, \"phrase\" or author: to search for; exclusions (-word), cat:, since: and until: only narrow a search."
                : "Type some words to search for.");
        return (q with { MeaningText = string.Join(' ', meaning) }, null);
    }

    static string? AddField(SearchQuery q, string field, string value, List<string> meaning)
    {
        switch (field)
        {
            case "author" or "authors" or "by":
                var name = Clean(value);
                if (name.Length > 0) q.Authors.Add(name);
                return null;
            case "cat" or "category":
                var cat = new string(value.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-').ToArray());
                if (cat.Length == 0) return $"cat: wants an arXiv category such as cat:cs.LG, not '{value}'.";
                q.Categories.Add(cat);
                return null;
            case "since" or "until":
                if (!TryDate(value, field == "until", out var day))
                    return $"{field}: wants a date such as {field}:2026-01-01, not '{value}'.";
                if (field == "since") q.Since = day;
                else q.Until = day;
                return null;
            default:
                q.Notices.Add($"'{field}:' is not a field (use author:, cat:, since: or until:); searched for its words instead.");
                foreach (var part in new[] { field, value }.Select(Clean).Where(p => p.Length > 0)) { q.Words.AddRange(part.Split(' ')); meaning.Add(part); }
                return null;
        }
    }

    /// <summary>Reads "…" from the quote at <paramref name="i"/>; an unclosed quote is ignored (with a notice).</summary>
    static string? ReadQuoted(string text, ref int i, SearchQuery q)
    {
        var close = text.IndexOf('"', i + 1);
        if (close < 0)
        {
            q.Notices.Add("A quote was not closed, so it was ignored.");
            i++;
            return null;
        }
        var inner = Clean(text[(i + 1)..close]);
        i = close + 1;
        return inner.Length == 0 ? null : inner;
    }

    static string ReadBare(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && !(text[i] == '"' && i > start && text[i - 1] != ':')) i++;
        return text[start..i];
    }

    /// <summary>
    /// Keeps letters and digits and the joiners inside words (GPT-4, cs.LG, don't); everything else, the engines'
    /// operators included, becomes a space. Empty when nothing searchable is left.
    /// </summary>
    static string Clean(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (var k = 0; k < raw.Length; k++)
        {
            var c = raw[k];
            var keep = char.IsLetterOrDigit(c)
                || (c is '-' or '.' or '\'' or '_' && k > 0 && k < raw.Length - 1 && char.IsLetterOrDigit(raw[k - 1]) && char.IsLetterOrDigit(raw[k + 1]));
            sb.Append(keep ? c : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    static bool TryDate(string value, bool endOfPeriod, out DateOnly day)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        foreach (var format in formats)
        {
            if (!DateOnly.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out day)) continue;
            if (endOfPeriod && format == "yyyy-MM") day = day.AddMonths(1).AddDays(-1);
            if (endOfPeriod && format == "yyyy") day = day.AddYears(1).AddDays(-1);
            return true;
        }
        day = default;
        return false;
    }
}
