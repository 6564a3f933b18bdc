using Paperboy.Ingest;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>
/// What a reader made of one input, as an import would pass it on: the records to write, the problems to report (where
/// and why), or why the whole source is unreadable (the reader's documented refusal; nothing of it is imported).
/// </summary>
public sealed record ReaderOutcome(IReadOnlyList<PaperRecord> Records, IReadOnlyList<ImportProblem> Problems, string? Unreadable)
{
    /// <summary>The places on HF's daily lists that come with HF's records.</summary>
    public IReadOnlyList<FeaturedRecord> Featured { get; init; } = [];

    public static ReaderOutcome Refused(string why) => new([], [], why);
}
