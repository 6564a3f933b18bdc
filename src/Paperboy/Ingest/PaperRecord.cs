namespace Paperboy.Ingest;

/// <summary>
/// What one source knows about one paper, ready for <see cref="Writing.PaperUpserter"/>.
/// A null field means "this source does not say", and never erases what another source stored.
/// </summary>
public sealed record PaperRecord
{
    /// <summary>The arXiv id without version (<c>2409.01234</c>, <c>hep-th/9901001</c>).</summary>
    public required string Id { get; init; }
    /// <summary>The version this record describes; null when the source does not say (HF, OAI-PMH <c>arXiv</c> format).</summary>
    public int? Version { get; init; }
    /// <summary>
    /// True for arXiv's own sources (API, OAI-PMH, snapshot): their title, abstract, authors and dates replace the stored
    /// ones when the version is the same or newer. HF's copy only fills a paper that is not stored yet.
    /// </summary>
    public bool IsArxivMetadata { get; init; }
    public required string Title { get; init; }
    public string Abstract { get; init; } = "";
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>Primary first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    public DateTime PublishedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public string? Comment { get; init; }
    public string? JournalRef { get; init; }
    public string? Doi { get; init; }

    // What HF adds; refreshed by every HF import, untouched by arXiv imports (null).
    public string? ProjectPage { get; init; }
    public string? GithubRepo { get; init; }
    public int? GithubStars { get; init; }
    public string? AiSummary { get; init; }
    public IReadOnlyList<string>? AiKeywords { get; init; }
    public string? Thumbnail { get; init; }
    public string? Organization { get; init; }
    public int? ImportedUpvotes { get; init; }
    public int? ImportedComments { get; init; }
    /// <summary>The day of the HF list these numbers come from; they replace stored ones only from a list as recent or newer.</summary>
    public DateOnly? ImportedListDay { get; init; }
}
