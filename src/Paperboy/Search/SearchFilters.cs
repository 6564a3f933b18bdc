namespace Paperboy.Search;

/// <summary>What every result must satisfy, from the query's fields and the page's filter form together.</summary>
public sealed record SearchFilters(DateOnly? Since, DateOnly? Until, IReadOnlyList<string> Categories, int? MinVotes)
{
    public static readonly SearchFilters None = new(null, null, [], null);

    /// <summary>True when some paper could fail these filters.</summary>
    public bool Narrow => Since is not null || Until is not null || Categories.Count > 0 || MinVotes is not null;

    /// <summary>The query's own fields narrowed further by the form's (both apply).</summary>
    public static SearchFilters From(SearchQuery q, DateOnly? from = null, DateOnly? to = null, string? category = null, int? minVotes = null)
    {
        var since = Max(q.Since, from);
        var until = Min(q.Until, to);
        var categories = q.Categories.ToList();
        var cat = new string((category ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-').ToArray());
        if (cat.Length > 0) categories.Add(cat);
        return new SearchFilters(since, until, categories, minVotes is > 0 ? minVotes : null);
    }

    static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);
    static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
