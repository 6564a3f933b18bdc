namespace Paperboy.Ingest.HfDaily;

/// <summary>
/// What HF's daily list says about one entry beyond the paper itself, stored on the featured row so the API can answer
/// in HF's shape. URLs are http(s) or left out (<see cref="Domain.HttpLink"/>).
/// </summary>
public sealed record HfEntryDetails
{
    /// <summary>The entry's own <c>publishedAt</c> (not the paper's); HF orders ties on upvotes by it, newest first.</summary>
    public DateTime? PublishedAt { get; init; }
    /// <summary>The entry's place on the list as HF answered it, from 1.</summary>
    public int Position { get; init; }
    public string? DiscussionId { get; init; }
    public IReadOnlyList<string> MediaUrls { get; init; } = [];
    public string? GithubRepoAddedBy { get; init; }
    public string? AiSummaryModel { get; init; }
    public bool IsAuthorParticipating { get; init; }
    public string? OrganizationName { get; init; }
    public string? OrganizationAvatar { get; init; }
}
