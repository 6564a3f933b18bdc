using System.Globalization;
using Paperboy.Web;

namespace Paperboy.Search;

/// <summary>
/// The search parameters as typed (query string of /search, its feed, and /api/papers/search), validated once for
/// the page, the feed and the API: each problem names its parameter.
/// </summary>
public sealed record SearchForm(string? Q, string? Sort, string? From, string? To, string? Cat, string? Votes, string? Page, string? Limit,
    string? Mode = null)
{
    public const int PageSize = 20;
    public const int MaxLimit = 100;

    public static SearchForm Read(HttpRequest r) => new(r.Query["q"], r.Query["sort"], r.Query["from"], r.Query["to"], r.Query["cat"],
        r.Query["votes"], r.Query["page"], r.Query["limit"], r.Query["mode"]);

    /// <summary>The request, or the problems by parameter name.</summary>
    public (SearchRequest? Request, Dictionary<string, string[]> Errors) Validate(int defaultLimit = PageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var (query, error) = SearchQueryParser.Parse(Q);
        if (error is not null) errors["q"] = [error];
        var sort = (Sort ?? "").ToLowerInvariant() switch
        {
            "" or "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            "votes" or "upvotes" => SearchSort.Votes,
            _ => (SearchSort?)null,
        };
        if (sort is null) errors["sort"] = [$"sort must be relevance, newest or votes, not '{Sort}'."];
        var mode = ParseMode(Mode);
        if (mode is null) errors["mode"] = [$"mode must be hybrid, keyword or meaning, not '{Mode}'."];
        var from = Date("from", From, errors);
        var to = Date("to", To, errors);
        var votes = QueryNumber.Read(Votes, "votes", 0, int.MaxValue, 0, errors);
        var page = QueryNumber.Read(Page, "page", 1, 1000, 1, errors);
        var limit = QueryNumber.Read(Limit, "limit", 1, MaxLimit, defaultLimit, errors);
        if (errors.Count > 0 || query is null) return (null, errors);
        var filters = SearchFilters.From(query, from, to, Cat, votes);
        return (new SearchRequest(query, filters, sort!.Value, limit, (page - 1) * limit, mode!.Value), errors);
    }

    /// <summary>hybrid (the default, also for an empty value), keyword or meaning; null for anything else.</summary>
    public static SearchMode? ParseMode(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "hybrid" => SearchMode.Hybrid,
        "keyword" or "keywords" or "words" => SearchMode.Keyword,
        "meaning" or "semantic" => SearchMode.Meaning,
        _ => null,
    };

    static DateOnly? Date(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors[name] = [$"{name} must be a date like 2026-01-31, not '{value}'."];
        return null;
    }
}
