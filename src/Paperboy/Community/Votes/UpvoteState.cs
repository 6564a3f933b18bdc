namespace Paperboy.Community;

/// <summary>After a vote: whether the person now votes for the paper, and its upvotes (imported plus local).</summary>
public sealed record UpvoteState(string PaperId, bool Voted, int Upvotes);
