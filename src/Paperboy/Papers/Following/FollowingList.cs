namespace Paperboy.Papers.Following;

/// <summary>One page of the Following tab, of <paramref name="Total"/>; <paramref name="HasFollows"/> false for a reader who follows nothing yet.</summary>
public sealed record FollowingList(IReadOnlyList<FollowingEntry> Entries, int Total, bool HasFollows);
