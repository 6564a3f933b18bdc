namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// One page of the arXiv query API: its entries, the paging numbers, or the error its error feed carries; the entries
/// that could not be read are <see cref="Rejected"/> ("entry N" and why).
/// </summary>
public sealed record ArxivFeed(IReadOnlyList<PaperRecord> Entries, int TotalResults, int StartIndex, string? Error)
{
    public IReadOnlyList<ImportProblem> Rejected { get; init; } = [];

    public bool IsError => Error is not null;
}
