
namespace Paperboy.Storage;

/// <summary>A paper on the daily list of one day. A paper is featured at most once.</summary>
public sealed class FeaturedPaper
{
    public long Id { get; set; }
    public required string PaperId { get; set; }
    public Paper? Paper { get; set; }
    /// <summary>The day of the list (HF's <c>submittedOnDailyAt</c> date).</summary>
    public DateOnly Day { get; set; }
    public DateTime FeaturedAt { get; set; }
    public FeaturedSource Source { get; set; }
    /// <summary>Who put it there: a local handle, or the HF user name for imports.</summary>
    public string? SubmittedBy { get; set; }
    public string? SubmittedByName { get; set; }
    public long? SubmitterUserId { get; set; }

    // What HF's daily list says about this entry (imports only; refreshed when HF's same day is imported again).
    /// <summary>HF's entry-level <c>publishedAt</c> (the featuring entry's, not the paper's); null: the paper's own.</summary>
    public DateTime? PublishedAt { get; set; }
    /// <summary>The entry's place (from 1) on HF's list at the last import: HF's order among entries tied on votes and time.</summary>
    public int? HfPosition { get; set; }
    public string? DiscussionId { get; set; }
    /// <summary>Images and videos HF shows with the entry, http(s) only.</summary>
    public List<string> MediaUrls { get; set; } = [];
    /// <summary>Who linked the code repository on HF (<c>user</c>, <c>admin</c>, <c>auto</c>).</summary>
    public string? GithubRepoAddedBy { get; set; }
    /// <summary>The model that wrote the paper's AI summary on HF.</summary>
    public string? AiSummaryModel { get; set; }
    public bool IsAuthorParticipating { get; set; }
    /// <summary>HF's name of the paper's organization (its display name is <see cref="Paper.Organization"/>).</summary>
    public string? OrganizationName { get; set; }
    /// <summary>The organization's avatar, http(s) only.</summary>
    public string? OrganizationAvatar { get; set; }
}

public enum FeaturedSource
{
    HfImport = 0,
    Curator = 1,
    Community = 2,
}
