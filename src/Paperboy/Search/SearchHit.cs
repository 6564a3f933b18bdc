using Paperboy.Storage;

namespace Paperboy.Search;

/// <summary>A paper in the results, with the snippet of its abstract around the query's terms.</summary>
public sealed record SearchHit(Paper Paper, IReadOnlyList<Highlighter.Segment> Snippet);
