namespace Paperboy.Search.Keyword;

/// <summary>
/// The telling words of a long query (a pasted abstract): distinct, no stop words, longest first — length
/// stands in for rarity, which the engines cannot tell us cheaply.
/// </summary>
public static class LongQueryTerms
{
    public const int Max = 16;

    static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "into", "is", "it", "its",
        "not", "of", "on", "or", "our", "such", "that", "the", "their", "these", "this", "to", "we", "which", "while", "with",
    };

    /// <summary>Words nearly every abstract has: no help in telling one pasted abstract from another.</summary>
    static readonly HashSet<string> Boilerplate = new(StringComparer.OrdinalIgnoreCase)
    {
        "however", "based", "using", "propose", "proposed", "paper", "show", "results", "method", "methods", "approach",
        "also", "both", "more", "than", "new", "use", "used", "via", "between", "through", "across", "other",
    };

    /// <summary>
    /// The words a short query requires: stop words ("and", "of", an "OR" typed as an operator) only when there
    /// is nothing else, so that both engines agree (PostgreSQL's english configuration drops them anyway).
    /// </summary>
    public static IReadOnlyList<string> Required(IReadOnlyList<string> words)
    {
        var telling = words.Where(w => !StopWords.Contains(w)).ToList();
        return telling.Count > 0 ? telling : words;
    }

    /// <summary>
    /// The words an any-of query ranks by: distinct, without stop words (none for stop words alone); a pasted text's
    /// <see cref="Max"/> most telling ones (<see cref="Pick"/>).
    /// </summary>
    public static IReadOnlyList<string> Telling(IReadOnlyList<string> words)
    {
        var distinct = words.Where(w => !StopWords.Contains(w)).Select(w => w.ToLowerInvariant()).Distinct().ToList();
        return distinct.Count <= Max ? distinct : Pick(distinct);
    }

    public static IReadOnlyList<string> Pick(IEnumerable<string> words) =>
        words.Select(w => w.ToLowerInvariant()).Where(w => w.Length >= 3 && !StopWords.Contains(w) && !Boilerplate.Contains(w))
            .Distinct().OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Take(Max).ToList();
}
