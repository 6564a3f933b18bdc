using Paperboy.Storage;

namespace Paperboy.Papers.Following;

/// <summary>A paper on the Following tab, its day (featured, else published) and why it is there ("upvoted by @ana").</summary>
public sealed record FollowingEntry(Paper Paper, DateOnly Day, IReadOnlyList<string> Reasons);
