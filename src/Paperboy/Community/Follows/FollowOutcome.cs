namespace Paperboy.Community;

/// <summary>What following or unfollowing came to: done (including "it already was so"), or why it was refused.</summary>
public enum FollowOutcome
{
    Done,
    UnknownUser,
    Self,
    TooMany,
}
