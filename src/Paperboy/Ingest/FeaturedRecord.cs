namespace Paperboy.Ingest;

/// <summary>A paper on an imported daily list (HF's <c>submittedOnDailyAt</c> day), with who submitted it there.</summary>
public sealed record FeaturedRecord(string PaperId, DateOnly Day, DateTime FeaturedAt, string? SubmittedBy, string? SubmittedByName);
