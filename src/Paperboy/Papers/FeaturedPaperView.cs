using Paperboy.Storage;

namespace Paperboy.Papers;

/// <summary>A paper and, when it was on a daily list, that listing.</summary>
public sealed record FeaturedPaperView(Paper Paper, FeaturedPaper? Featured);
