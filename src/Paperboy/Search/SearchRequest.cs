namespace Paperboy.Search;

public enum SearchSort { Relevance, Newest, Votes }

/// <summary>Words alone, meaning alone, or both fused (the default); `mode=keyword|meaning|hybrid` on the page, API and CLI.</summary>
public enum SearchMode { Hybrid, Keyword, Meaning }

public sealed record SearchRequest(SearchQuery Query, SearchFilters Filters, SearchSort Sort = SearchSort.Relevance,
    int Limit = 20, int Offset = 0, SearchMode Mode = SearchMode.Hybrid);
