namespace Paperboy.Digest;

/// <summary>A new paper a watch-list may match, with what matching looks at.</summary>
public sealed record CandidatePaper(string Id, string Title, string Abstract, IReadOnlyList<string> Authors, IReadOnlyList<string> Categories);
