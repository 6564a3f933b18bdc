namespace Paperboy.Search.Keyword;

/// <summary>An FTS5 query as AND-ed parts: text parts (words, phrases, an OR group), author parts, and what it excludes.</summary>
public sealed record Fts5Query(IReadOnlyList<string> Text, IReadOnlyList<string> Authors, string? Excluded)
{
    public IEnumerable<string> Parts => Text.Concat(Authors);

    public string Full => Of(Parts);

    /// <summary>The same query with every text part in the title.</summary>
    public string InTitle => Of(Text.Count == 0 ? Authors : Authors.Prepend("{title} : (" + string.Join(" AND ", Text) + ")"));

    /// <summary>Only <paramref name="parts"/> AND-ed, without the exclusions (for ranking matches of the full query).</summary>
    public static string Rank(IEnumerable<string> parts) => string.Join(" AND ", parts);

    string Of(IEnumerable<string> parts)
    {
        var positive = string.Join(" AND ", parts);
        return Excluded is null ? positive : $"({positive}) NOT {Excluded}";
    }
}
