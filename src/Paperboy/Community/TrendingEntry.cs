using Paperboy.Feed;
using Paperboy.Papers;

namespace Paperboy.Community;

public sealed record TrendingEntry(Paper Paper, FeaturedPaper Featured, double Score);
