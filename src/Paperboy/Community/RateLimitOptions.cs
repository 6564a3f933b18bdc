namespace Paperboy.Community;

/// <summary>Section <c>Paperboy:RateLimits</c>: how many requests each caller may make per window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Paperboy:RateLimits";

    /// <summary>Sign-in links sent to one address per window.</summary>
    public int SignInPerAddress { get; set; } = 5;
    /// <summary>Sign-in links one client (IP address) may ask for per window.</summary>
    public int SignInPerClient { get; set; } = 20;
    public int SignInWindowSeconds { get; set; } = 3600;
    /// <summary>Votes (cast or taken back) per person per window.</summary>
    public int Votes { get; set; } = 120;
    public int VotesWindowSeconds { get; set; } = 60;
    /// <summary>Comments written, edited or deleted per person per window.</summary>
    public int Comments { get; set; } = 10;
    public int CommentsWindowSeconds { get; set; } = 60;
    /// <summary>Papers submitted per person per window.</summary>
    public int Submissions { get; set; } = 10;
    public int SubmissionsWindowSeconds { get; set; } = 3600;
}
