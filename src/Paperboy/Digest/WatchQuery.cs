namespace Paperboy.Digest;

/// <summary>
/// A parsed watch-list: words and "phrases" (all must appear), <c>author:Name</c> or <c>author:"First Last"</c>,
/// <c>cat:cs.LG</c> (or a whole archive, <c>cat:cs</c>), and any of these excluded with a leading <c>-</c>.
/// </summary>
public sealed class WatchQuery
{
    public const int MaxLength = 200;
    public IReadOnlyList<WatchClause> Clauses { get; }
    /// <summary>Canonical form: identical for queries that mean the same, so their matches are computed once.</summary>
    public string Key { get; }

    WatchQuery(IReadOnlyList<WatchClause> clauses)
    {
        Clauses = clauses;
        Key = string.Join(' ', clauses.Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>Null with a reason a person can act on when the text is not a usable watch-list.</summary>
    public static WatchQuery? TryParse(string? text, out string? error)
    {
        error = null;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) { error = "Type a word, a \"phrase\", author:Name or cat:cs.LG to watch for."; return null; }
        if (trimmed.Length > MaxLength) { error = $"A watch-list is at most {MaxLength} characters."; return null; }
        var clauses = new List<WatchClause>();
        foreach (var raw in Split(trimmed))
        {
            var part = raw;
            var excluded = part.Length > 1 && part.StartsWith('-');
            if (excluded) part = part[1..];
            var field = WatchField.Any;
            if (part.StartsWith("author:", StringComparison.OrdinalIgnoreCase)) { field = WatchField.Author; part = part[7..]; }
            else if (part.StartsWith("cat:", StringComparison.OrdinalIgnoreCase)) { field = WatchField.Category; part = part[4..]; }
            part = part.Replace("\"", "");
            IReadOnlyList<string> terms = field == WatchField.Category
                ? (part.Trim().ToLowerInvariant() is { Length: > 0 } c ? [c] : [])
                : Tokenizer.Tokens(part);
            if (terms.Count == 0) continue;
            clauses.Add(new WatchClause(field, terms, excluded));
        }
        if (clauses.Count == 0) { error = "Type a word, a \"phrase\", author:Name or cat:cs.LG to watch for."; return null; }
        if (clauses.All(c => c.Excluded)) { error = "A watch-list needs something to look for, not only exclusions (-word)."; return null; }
        return new WatchQuery(clauses);
    }

    /// <summary>Splits on spaces outside double quotes; a quote may follow <c>-</c>, <c>author:</c> or <c>cat:</c>.</summary>
    static IEnumerable<string> Split(string text)
    {
        var current = new System.Text.StringBuilder();
        var inQuotes = false;
        foreach (var ch in text)
        {
            if (ch == '"') inQuotes = !inQuotes;
            if (char.IsWhiteSpace(ch) && !inQuotes)
            {
                if (current.Length > 0) yield return current.ToString();
                current.Clear();
                continue;
            }
            current.Append(ch);
        }
        if (current.Length > 0) yield return current.ToString();
    }

    public override string ToString() => Key;
}
