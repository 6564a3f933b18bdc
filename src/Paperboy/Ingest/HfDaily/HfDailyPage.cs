namespace Paperboy.Ingest.HfDaily;

/// <summary>
/// One parsed answer of <c>/api/daily_papers?date=</c>. When the whole file is unusable <see cref="Problem"/> says why
/// and nothing of it is imported; otherwise <see cref="Rejected"/> lists the entries that were skipped.
/// </summary>
public sealed record HfDailyPage(IReadOnlyList<HfDailyEntry> Entries, IReadOnlyList<string> Rejected, string? Problem)
{
    public static HfDailyPage Unusable(string problem, int entries = 0) => new([], [], problem) { UnusableEntries = entries };

    /// <summary>How many entries an unusable file holds (they count as rejected).</summary>
    public int UnusableEntries { get; init; }
}

/// <summary>One entry of a daily list: the paper as HF shows it, and its place on the list.</summary>
public sealed record HfDailyEntry(PaperRecord Paper, FeaturedRecord Featured);
