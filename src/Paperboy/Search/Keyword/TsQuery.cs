using System.Data.Common;

namespace Paperboy.Search.Keyword;

/// <summary>
/// Builds PostgreSQL tsquery expressions (SQL text with parameters) from a parsed query. Every word or phrase goes
/// through <c>phraseto_tsquery</c>, i.e. PostgreSQL's own parser, the one that built the vector ("Phi-4-Mini" is
/// phi, -4, mini there), and never reads user text as a tsquery operator; the terms are joined with && and || in SQL.
/// Authors are matched in the 'simple' configuration and restricted to weight C (the authors part of the vector).
/// </summary>
public static class TsQuery
{
    public static string? Match(DbCommand cmd, SearchQuery q) => Of(cmd, q, Terms(q, all: false), anyOf: q.IsLong);

    /// <summary>
    /// The words and phrases a match needs: all of them, or any for the OR of a long query; with <paramref name="all"/>,
    /// a long query's telling words all (what a search falls back to when all of them are common).
    /// </summary>
    public static IReadOnlyList<string> Terms(SearchQuery q, bool all) =>
        [.. q.IsLong ? LongQueryTerms.Pick(q.Words) : LongQueryTerms.Required(q.Words), .. all || !q.IsLong ? q.Phrases : []];

    /// <summary>The whole match: the terms (AND-ed, or OR-ed when <paramref name="anyOf"/>), phrases, authors, minus exclusions.</summary>
    public static string? Of(DbCommand cmd, SearchQuery q, IReadOnlyList<string> terms, bool anyOf)
    {
        var parts = new List<string>();
        if (Join(cmd, "w", terms, anyOf ? " || " : " && ") is { } words) parts.Add(words);
        if (anyOf && Join(cmd, "ph", q.Phrases, " && ") is { } phrases) parts.Add(phrases);
        if (Authors(cmd, q) is { } authors) parts.Add(authors);
        if (parts.Count == 0) return null;
        var positive = string.Join(" && ", parts);
        return Excluded(cmd, q) is { } excluded ? $"({positive} && !!{excluded})" : $"({positive})";
    }

    /// <summary>Any of the given terms (an any-of query's ranking).</summary>
    public static string? AnyOf(DbCommand cmd, IReadOnlyList<string> terms) => Join(cmd, "any", terms, " || ");

    /// <summary>Only the given terms, AND-ed (what ranks when the query's other terms are too common to weigh).</summary>
    public static string? Rank(DbCommand cmd, IReadOnlyList<string> terms) => Join(cmd, "r", terms, " && ");

    /// <summary>The terms all in the title (weight A): the text of phraseto_tsquery with every lexeme marked :A.</summary>
    public static string? InTitle(DbCommand cmd, IReadOnlyList<string> terms) => terms.Count == 0 ? null :
        "(" + string.Join(" && ", terms.Select((t, i) =>
            $"to_tsquery('simple', regexp_replace(phraseto_tsquery('english', {SearchSql.Add(cmd, "t" + i, t)})::text, '(''(?:[^'']|'''')*'')', '\\1:A', 'g'))")) + ")";

    public static string? Must(DbCommand cmd, SearchQuery q)
    {
        var parts = new[] { Join(cmd, "phrase", q.Phrases, " && "), Authors(cmd, q) }.OfType<string>().ToList();
        return parts.Count == 0 ? null : "(" + string.Join(" && ", parts) + ")";
    }

    public static string? Excluded(DbCommand cmd, SearchQuery q) => Join(cmd, "ex", q.Excluded, " || ");

    static string? Authors(DbCommand cmd, SearchQuery q)
    {
        var authors = string.Join(" & ", q.Authors.Select(Author).Where(a => a.Length > 0));
        return authors.Length == 0 ? null : $"to_tsquery('simple', {SearchSql.Add(cmd, "authors", authors)})";
    }

    /// <summary>Each term as a phrase query, joined by <paramref name="op"/>; a term of stop words only drops out.</summary>
    static string? Join(DbCommand cmd, string name, IReadOnlyList<string> terms, string op) => terms.Count == 0 ? null :
        "(" + string.Join(op, terms.Select((t, i) => Term(SearchSql.Add(cmd, name + i, t), t))) + ")";

    /// <summary>
    /// A term as a tsquery. A hyphenated word is indexed as the whole ('low-resourc') and its parts ('low', 'resourc')
    /// at the next positions, so the whole alone finds the same papers as the phrase of all three, without reading the
    /// positions of two common words (0.43 s for "low-resource languages" in 1M papers, 0.08 s so).
    /// </summary>
    static string Term(string parameter, string term) => term.Contains('-') && !term.Contains(' ')
        ? $"coalesce((SELECT quote_literal(l)::tsquery FROM unnest(tsvector_to_array(to_tsvector('english', {parameter}))) l " +
          $"WHERE strpos(l, '-') > 1 LIMIT 1), phraseto_tsquery('english', {parameter}))"
        : $"phraseto_tsquery('english', {parameter})";

    /// <summary>An author's name as tsquery text: its letter-and-digit tokens, weight C, joined by "followed by".</summary>
    static string Author(string name)
    {
        var tokens = Tokens(name).Select(t => t + ":C").ToList();
        return tokens.Count switch { 0 => "", 1 => tokens[0], _ => "(" + string.Join(" <-> ", tokens) + ")" };
    }

    static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inToken = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inToken && start < 0) start = i;
            else if (!inToken && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
