using Paperboy.Domain;
using Paperboy.Search;

namespace Paperboy.Digest.Watchlists;

/// <summary>
/// A watch-list is a saved search: the same syntax and parser as <c>/search</c> (words, "phrases", author:, cat:,
/// since:, until:, -exclusions), run over the new papers of a digest's period. One difference: since it only ever looks at
/// those papers, <c>cat:cs.LG</c> alone is a fine watch-list; it still needs something to look for beyond exclusions.
/// </summary>
public static class WatchlistQuery
{
    public const int MaxLength = 200;
    const string Empty = "Type a word, a \"phrase\", author:Name or cat:cs.LG to watch for.";

    /// <summary>The parsed query, or null and a message a person can act on.</summary>
    public static (SearchQuery? Query, string? Error) Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return (null, Empty);
        if (trimmed.Length > MaxLength) return (null, $"A watch-list is at most {MaxLength} characters; this one has {trimmed.Length}.");
        var (query, error) = SearchQueryParser.Parse(trimmed, requireTerms: false);
        if (query is null) return (null, error);
        // A watch-list is a filter: it matches papers with every word, not the best of those with some.
        if (query.HasPositiveTerms || query.Categories.Count > 0) return (query with { EveryWord = true }, null);
        return (null, query.Excluded.Count > 0 || query.Since is not null || query.Until is not null
            ? "A watch-list needs something to look for (a word, \"phrase\", author: or cat:), not only exclusions (-word) or dates."
            : Empty);
    }

    /// <summary>The text as stored: trimmed, runs of spaces made one, no control characters.</summary>
    public static string Normalize(string text) => string.Join(' ', ControlCharacters.Strip(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
