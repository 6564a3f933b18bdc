
namespace Paperboy.Search.Keyword;

/// <summary>
/// Builds FTS5 MATCH expressions from a parsed query. Every term is a double-quoted FTS5 string, so nothing a user
/// types (NEAR, *, ^, AND, column filters) acts as an operator: inside quotes FTS5 only tokenizes.
/// </summary>
public static class Fts5Expression
{
    /// <summary>What a paper must contain to be a keyword hit, or null when the query has nothing to match.</summary>
    public static string? Match(SearchQuery q) => Query(q)?.Full;

    /// <summary>The query as its AND-ed parts, or null when it has nothing to match.</summary>
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

    /// <summary>
    /// For a long query, the stricter match ranked before <see cref="Query"/>'s: every one of its telling words as parts
    /// (a pasted title or abstract finds its own paper this way, whatever the OR of its words matches); null otherwise.
    /// </summary>
    public static Fts5Query? QueryAll(SearchQuery q)
    {
        if (!q.IsLong) return null;
        var terms = LongQueryTerms.Pick(q.Words);
        return terms.Count == 0 ? null : Parts(q, terms.Select(Quote).ToList());
    }

    static Fts5Query? Parts(SearchQuery q, List<string> text)
    {
        text.AddRange(q.Phrases.Select(Quote));
        var authors = q.Authors.Select(a => "authors : " + Quote(a)).ToList();
        return text.Count + authors.Count == 0 ? null : new Fts5Query(text, authors, Excluded(q));
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
