
namespace Paperboy.Search.Keyword;

/// <summary>
/// Builds FTS5 MATCH expressions from a parsed query. Every term is a double-quoted FTS5 string, so nothing a user
/// types (NEAR, *, ^, AND, column filters) acts as an operator: inside quotes FTS5 only tokenizes.
/// </summary>
public static class Fts5Expression
{
    /// <summary>What a paper must contain to be a keyword hit, or null when the query has nothing to match.</summary>
    public static string? Match(SearchQuery q) => Query(q)?.Full;

    /// <summary>
    /// The query as its AND-ed parts, or null when it has nothing to match: every word, or for a long query (a pasted text,
    /// which no paper contains all of) any of its most telling words.
    /// </summary>
    public static Fts5Query? Query(SearchQuery q)
    {
        List<string> text = [];
        if (q.IsLong)
        {
            var terms = LongQueryTerms.Pick(q.Words);
            if (terms.Count > 0) text.Add("(" + string.Join(" OR ", terms.Select(Quote)) + ")");
        }
        else text.AddRange(LongQueryTerms.Required(q.Words).Select(Quote));
        return Parts(q, text);
    }

    /// <summary>The telling words of an any-of query (<see cref="SearchQuery.AnyWords"/>), each quoted.</summary>
    public static IReadOnlyList<string> AnyTerms(SearchQuery q) => LongQueryTerms.Telling(q.Words).Select(Quote).ToList();

    /// <summary>
    /// What a match of an any-of query must also satisfy (its phrases and authors, none of its exclusions), as one
    /// expression over <paramref name="anyOf"/>; null when there is nothing more.
    /// </summary>
    public static string? AnyWithin(SearchQuery q, string anyOf)
    {
        var must = Must(q);
        var excluded = Excluded(q);
        if (must is null && excluded is null) return null;
        var positive = must ?? anyOf;
        return excluded is null ? positive : $"({positive}) NOT {excluded}";
    }

    static Fts5Query? Parts(SearchQuery q, List<string> text)
    {
        text.AddRange(q.Phrases.Select(Quote));
        var authors = q.Authors.Select(a => "authors : " + Quote(a)).ToList();
        return text.Count + authors.Count == 0 ? null : new Fts5Query(text, authors, Excluded(q));
    }

    /// <summary>Every one of <paramref name="terms"/>, with the query's phrases and authors and none of its exclusions.</summary>
    public static string AllOf(SearchQuery q, IReadOnlyList<string> terms)
    {
        var positive = string.Join(" AND ", Must(q) is { } must ? [.. terms, must] : terms);
        return Excluded(q) is { } excluded ? $"({positive}) NOT {excluded}" : positive;
    }

    /// <summary>The phrases and authors a result must contain, or null.</summary>
    public static string? Must(SearchQuery q)
    {
        var parts = q.Phrases.Select(Quote).Concat(q.Authors.Select(a => "authors : " + Quote(a))).ToList();
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    /// <summary>Any of the excluded words or phrases, or null.</summary>
    public static string? Excluded(SearchQuery q) =>
        q.Excluded.Count == 0 ? null : "(" + string.Join(" OR ", q.Excluded.Select(Quote)) + ")";

    static string Quote(string term) => "\"" + term.Replace("\"", "\"\"") + "\"";
}
