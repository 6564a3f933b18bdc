using System.ComponentModel.DataAnnotations;

namespace Paperboy.Community;

/// <summary>Section <c>Paperboy:RateLimits</c>: how many requests each caller may make per window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Paperboy:RateLimits";

    /// <summary>Sign-in links sent to one address per window.</summary>
    [Range(1, int.MaxValue)] public int SignInPerAddress { get; set; } = 5;
    /// <summary>Sign-in links one client (IP address) may ask for per window.</summary>
    [Range(1, int.MaxValue)] public int SignInPerClient { get; set; } = 20;
    [Range(1, int.MaxValue)] public int SignInWindowSeconds { get; set; } = 3600;
    /// <summary>Votes (cast or taken back) per person per window.</summary>
    [Range(1, int.MaxValue)] public int Votes { get; set; } = 120;
    [Range(1, int.MaxValue)] public int VotesWindowSeconds { get; set; } = 60;
    /// <summary>Comments written, edited or deleted per person per window.</summary>
    [Range(1, int.MaxValue)] public int Comments { get; set; } = 10;
    [Range(1, int.MaxValue)] public int CommentsWindowSeconds { get; set; } = 60;
    /// <summary>Papers submitted per person per window.</summary>
    [Range(1, int.MaxValue)] public int Submissions { get; set; } = 10;
    [Range(1, int.MaxValue)] public int SubmissionsWindowSeconds { get; set; } = 3600;
}
