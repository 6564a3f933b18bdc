
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
}

public enum FeaturedSource
{
    HfImport = 0,
    Curator = 1,
    Community = 2,
}
