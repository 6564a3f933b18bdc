using System.Data.Common;
using Paperboy.Search;

namespace Paperboy.Storage;

/// <summary>
/// Builds PostgreSQL tsquery expressions (SQL text with parameters) from a parsed query. Every word or phrase goes
/// through <c>phraseto_tsquery</c>, i.e. PostgreSQL's own parser, the one that built the vector ("Phi-4-Mini" is
/// phi, -4, mini there), and never reads user text as a tsquery operator; the terms are joined with && and || in SQL.
/// Authors are matched in the 'simple' configuration and restricted to weight C (the authors part of the vector).
/// </summary>
public static class TsQuery
{
    public static string? Match(DbCommand cmd, SearchQuery q)
    {
        var words = q.IsLong ? LongQueryTerms.Pick(q.Words) : LongQueryTerms.Required(q.Words);
        return Combine(cmd, Terms(cmd, "w", words, q.IsLong ? " || " : " && "), q);
    }

    /// <summary>For a long query, all of its telling words (ranked before the OR of them, see <see cref="Fts5Expression.MatchAll"/>); null otherwise.</summary>
    public static string? MatchAll(DbCommand cmd, SearchQuery q) =>
        q.IsLong && Terms(cmd, "all", LongQueryTerms.Pick(q.Words), " && ") is { } all ? Combine(cmd, all, q) : null;

    public static string? Must(DbCommand cmd, SearchQuery q)
    {
        var parts = new List<string>();
        if (Terms(cmd, "phrase", q.Phrases, " && ") is { } phrases) parts.Add(phrases);
        var authors = string.Join(" & ", q.Authors.Select(Author).Where(a => a.Length > 0));
        if (authors.Length > 0) parts.Add($"to_tsquery('simple', {SearchSql.Add(cmd, "authors", authors)})");
        return parts.Count == 0 ? null : "(" + string.Join(" && ", parts) + ")";
    }

    public static string? Excluded(DbCommand cmd, SearchQuery q) => Terms(cmd, "ex", q.Excluded, " || ");

    static string? Combine(DbCommand cmd, string? words, SearchQuery q)
    {
        var parts = new[] { words, Must(cmd, q) }.OfType<string>().ToList();
        if (parts.Count == 0) return null;
        var positive = string.Join(" && ", parts);
        return Excluded(cmd, q) is { } excluded ? $"({positive} && !!{excluded})" : $"({positive})";
    }

    /// <summary>Each term as a phrase query, joined by <paramref name="op"/>; a term of stop words only drops out.</summary>
    static string? Terms(DbCommand cmd, string name, IReadOnlyList<string> terms, string op) => terms.Count == 0 ? null :
        "(" + string.Join(op, terms.Select((t, i) => $"phraseto_tsquery('english', {SearchSql.Add(cmd, name + i, t)})")) + ")";

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
