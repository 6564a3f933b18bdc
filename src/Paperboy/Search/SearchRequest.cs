namespace Paperboy.Search;

public enum SearchSort { Relevance, Newest, Votes }

/// <summary>Words alone, meaning alone, or both fused (the default; the other two exist for the quality benchmark).</summary>
public enum SearchMode { Hybrid, Words, Meaning }

public sealed record SearchRequest(SearchQuery Query, SearchFilters Filters, SearchSort Sort = SearchSort.Relevance,
    int Limit = 20, int Offset = 0, SearchMode Mode = SearchMode.Hybrid);
