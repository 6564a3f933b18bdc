using System.Text.Json.Serialization;
using Paperboy.Storage;

namespace Paperboy.Web;

/// <summary>One entry of <c>GET /api/daily_papers</c> in Hugging Face's shape (field names and order as hf.co answers them).</summary>
public sealed record HfDailyPaper
{
    public required HfPaper Paper { get; init; }
    /// <summary>The entry's own time as HF gave it (not the paper's); the paper's for papers featured here.</summary>
    public required string PublishedAt { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? MediaUrls { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Thumbnail { get; init; }
    public int NumComments { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HfUser? SubmittedBy { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HfOrganization? Organization { get; init; }
    public bool IsAuthorParticipating { get; init; }
    /// <summary>The trending score (docs/trending.md), with <c>sort=trending</c> only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Score { get; init; }

    public static HfDailyPaper From(FeaturedPaper featured)
    {
        var paper = featured.Paper ?? throw new InvalidOperationException("Load the featured paper with its Paper.");
        return new HfDailyPaper
        {
            Paper = HfPaper.From(paper, featured),
            PublishedAt = HfPaper.Timestamp(featured.PublishedAt ?? paper.PublishedAt),
            Title = paper.Title,
            Summary = paper.Abstract,
            MediaUrls = featured.MediaUrls.Count > 0 ? featured.MediaUrls : null,
            Thumbnail = paper.Thumbnail,
            NumComments = paper.ImportedComments + paper.CommentCount,
            SubmittedBy = HfUser.From(featured),
            Organization = HfOrganization.From(paper, featured),
            IsAuthorParticipating = featured.IsAuthorParticipating,
        };
    }
}
