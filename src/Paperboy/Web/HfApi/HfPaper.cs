using System.Globalization;
using System.Text.Json.Serialization;
using Paperboy.Storage;

namespace Paperboy.Web;

/// <summary>
/// A paper in Hugging Face's shape (<c>GET /api/papers/{id}</c>, and <c>paper</c> in each daily entry), field names
/// and casing as hf.co answers them. Fields HF leaves out when unknown are left out here too.
/// </summary>
public sealed record HfPaper
{
    public required string Id { get; init; }
    public required IReadOnlyList<HfAuthor> Authors { get; init; }
    public required string PublishedAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SubmittedOnDailyAt { get; init; }
    public required string Title { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HfUser? SubmittedOnDailyBy { get; init; }
    public required string Summary { get; init; }
    public int Upvotes { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DiscussionId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ProjectPage { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? GithubRepo { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? GithubRepoAddedBy { get; init; }
    [JsonPropertyName("ai_summary"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AiSummary { get; init; }
    [JsonPropertyName("ai_keywords"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? AiKeywords { get; init; }
    [JsonPropertyName("ai_summary_model"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AiSummaryModel { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? GithubStars { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HfOrganization? Organization { get; init; }

    public static HfPaper From(Paper paper, FeaturedPaper? featured) => new()
    {
        Id = paper.Id,
        Authors = paper.Authors.Select(a => new HfAuthor(a)).ToList(),
        PublishedAt = Timestamp(paper.PublishedAt),
        SubmittedOnDailyAt = featured is null ? null : Timestamp(SubmittedOnDaily(featured)),
        Title = paper.Title,
        SubmittedOnDailyBy = HfUser.From(featured),
        Summary = paper.Abstract,
        Upvotes = paper.Upvotes,
        DiscussionId = featured?.DiscussionId,
        ProjectPage = paper.ProjectPage,
        GithubRepo = paper.GithubRepo,
        GithubRepoAddedBy = paper.GithubRepo is null ? null : featured?.GithubRepoAddedBy,
        AiSummary = paper.AiSummary,
        AiKeywords = paper.AiKeywords.Count > 0 ? paper.AiKeywords : null,
        AiSummaryModel = paper.AiSummary is null ? null : featured?.AiSummaryModel,
        GithubStars = paper.GithubStars,
        Organization = HfOrganization.From(paper, featured),
    };

    /// <summary>HF's timestamps: UTC with milliseconds, <c>2026-08-21T00:00:00.000Z</c>.</summary>
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>When it went on the list: the featuring time when it falls on the list's day, else that day's midnight.</summary>
    static DateTime SubmittedOnDaily(FeaturedPaper f) => DateOnly.FromDateTime(f.FeaturedAt) == f.Day
        ? f.FeaturedAt
        : f.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
