using Paperboy.Storage;

namespace Paperboy.Discovery;

/// <summary>A paper recommended to a reader, and why ("close to …", "upvoted by @… you follow", "trending").</summary>
public sealed record Recommendation(Paper Paper, FeaturedPaper? Featured, string Reason);
