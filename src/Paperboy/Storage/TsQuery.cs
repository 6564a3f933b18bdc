using System.Data.Common;
using Paperboy.Search;

namespace Paperboy.Storage;

/// <summary>
/// Builds PostgreSQL tsquery expressions (SQL text with parameters) from a parsed query. Terms are reduced to
/// letters and digits before they reach to_tsquery, so no user text is ever read as a tsquery operator.
/// Authors are matched in the 'simple' configuration and restricted to weight C (the authors part of the vector).
/// </summary>
static class TsQuery
{
    public static string? Match(DbCommand cmd, SearchQuery q)
    {
        var words = q.IsLong ? LongQueryTerms.Pick(q.Words) : LongQueryTerms.Required(q.Words);
        var text = Join(words.Select(Phrase), q.IsLong ? " | " : " & ");
        var parts = new List<string>();
        if (text.Length > 0) parts.Add($"to_tsquery('english', {SearchSql.Add(cmd, "words", text)})");
        if (Must(cmd, q) is { } must) parts.Add(must);
        if (parts.Count == 0) return null;
        var positive = string.Join(" && ", parts);
        return Excluded(cmd, q) is { } excluded ? $"({positive} && !!{excluded})" : $"({positive})";
    }

    public static string? Must(DbCommand cmd, SearchQuery q)
    {
        var parts = new List<string>();
        var phrases = Join(q.Phrases.Select(Phrase), " & ");
        if (phrases.Length > 0) parts.Add($"to_tsquery('english', {SearchSql.Add(cmd, "phrases", phrases)})");
        var authors = Join(q.Authors.Select(a => Phrase(a, ":C")), " & ");
        if (authors.Length > 0) parts.Add($"to_tsquery('simple', {SearchSql.Add(cmd, "authors", authors)})");
        return parts.Count == 0 ? null : "(" + string.Join(" && ", parts) + ")";
    }

    public static string? Excluded(DbCommand cmd, SearchQuery q)
    {
        var text = Join(q.Excluded.Select(Phrase), " | ");
        return text.Length == 0 ? null : $"to_tsquery('english', {SearchSql.Add(cmd, "excluded", text)})";
    }

    /// <summary>A word or phrase as tsquery text: its letter-and-digit tokens joined by "followed by".</summary>
    static string Phrase(string text) => Phrase(text, "");

    static string Phrase(string text, string weight)
    {
        var tokens = Tokens(text).Select(t => t + weight).ToList();
        return tokens.Count switch { 0 => "", 1 => tokens[0], _ => "(" + string.Join(" <-> ", tokens) + ")" };
    }

    static string Join(IEnumerable<string> parts, string op) => string.Join(op, parts.Where(p => p.Length > 0));

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
