using Paperboy.Storage;

namespace Paperboy.Papers.Trending;

public sealed record TrendingEntry(Paper Paper, FeaturedPaper Featured, double Score);
