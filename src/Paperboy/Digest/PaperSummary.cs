namespace Paperboy.Digest;

/// <summary>What a digest shows of one paper.</summary>
public sealed record PaperSummary(string Id, string Title, IReadOnlyList<string> Authors, string Abstract, int Upvotes);
