using System.ComponentModel.DataAnnotations;

namespace Paperboy.Ingest;

/// <summary>Section <c>Paperboy:Ingest</c>: the scheduled imports.</summary>
public sealed class IngestOptions
{
    public const string Section = "Paperboy:Ingest";

    /// <summary>Run the schedules (HF daily hourly, arXiv categories after each announcement). Tests turn them off.</summary>
    public bool Scheduled { get; set; } = true;
    /// <summary>The arXiv categories fetched once a day.</summary>
    public List<string> Categories { get; set; } = [];
    /// <summary>The newest papers fetched per category and day (arXiv announces a few hundred a day in the busiest).</summary>
    [Range(1, 30_000)] public int MaxPerCategory { get; set; } = 1000;
    /// <summary>Days before today that the hourly HF import refreshes (votes keep changing for a while).</summary>
    [Range(0, 365)] public int HfDailyDays { get; set; } = 7;

    public static readonly string[] DefaultCategories = ["cs.LG", "cs.CL", "cs.AI", "cs.CV"];

    /// <summary>Binding appends to a list default, so the default is applied here, after binding.</summary>
    public IReadOnlyList<string> EffectiveCategories => Categories.Count > 0 ? Categories : DefaultCategories;
}
