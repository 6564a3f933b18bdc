namespace Paperboy.Storage;

/// <summary>
/// A reader following a person (their upvotes and submissions), an organisation or an author name. The key is the
/// reader, the kind and <see cref="NameKey"/> (the name case-folded), so "Yann LeCun" and "yann lecun" are one follow.
/// </summary>
public sealed class Follow
{
    public long UserId { get; set; }
    public FollowKind Kind { get; set; }
    /// <summary>The name folded to lower case: a handle, an organisation's name or an author's name.</summary>
    public required string NameKey { get; set; }
    /// <summary>The name as shown.</summary>
    public required string Name { get; set; }
    /// <summary>The person followed, for <see cref="FollowKind.User"/> (a handle can change; the id does not).</summary>
    public long? FollowedUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum FollowKind
{
    User = 1,
    Org = 2,
    Author = 3,
}
