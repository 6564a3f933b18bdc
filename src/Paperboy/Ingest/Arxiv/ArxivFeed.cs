namespace Paperboy.Ingest.Arxiv;

/// <summary>One page of the arXiv query API: its entries, the paging numbers, or the error its error feed carries.</summary>
public sealed record ArxivFeed(IReadOnlyList<PaperRecord> Entries, int TotalResults, int StartIndex, string? Error)
{
    public bool IsError => Error is not null;
}
