namespace Paperboy.Ingest;

/// <summary>A paper on an imported daily list (HF's <c>submittedOnDailyAt</c> day), with who submitted it there.</summary>
public sealed record FeaturedRecord(string PaperId, DateOnly Day, DateTime FeaturedAt, string? SubmittedBy, string? SubmittedByName)
{
    /// <summary>HF's details of the entry (imports from HF's daily list); null from other sources.</summary>
    public HfDaily.HfEntryDetails? Hf { get; init; }
}
