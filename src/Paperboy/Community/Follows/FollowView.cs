using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>One of a reader's follows: a person (by handle), an organisation or an author, and since when.</summary>
public sealed record FollowView(FollowKind Kind, string Name, DateTime Since);
