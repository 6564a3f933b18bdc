using System.ComponentModel.DataAnnotations;

namespace Paperboy.Community;

/// <summary>Section <c>Paperboy:Community</c>.</summary>
public sealed class CommunityOptions
{
    public const string Section = "Paperboy:Community";

    /// <summary>The site's public address for links in email (e.g. <c>https://papers.example.org</c>).
    /// Empty: the address of the request that asked for the link. Set it in production so a forged Host header
    /// cannot redirect sign-in links.</summary>
    [Url] public string? PublicBaseUrl { get; set; }
    /// <summary>How long a sign-in link works.</summary>
    [Range(1, 1440)] public int SignInLinkMinutes { get; set; } = 15;
    /// <summary>How long an instance keeps a person's security stamp without asking the database; "sign out everywhere"
    /// forgets it on every instance at once (on PostgreSQL through <see cref="Storage.ClusterSignals"/>).</summary>
    [Range(0, 3600)] public int SecurityStampCacheSeconds { get; set; } = 10;
    /// <summary>Community submissions: the paper's first version at most this many days old.</summary>
    [Range(1, 100_000)] public int SubmissionMaxAgeDays { get; set; } = 14;
    /// <summary>Trending: the half-life of a paper's score, in hours.</summary>
    [Range(0.1, 8760)] public double TrendingHalfLifeHours { get; set; } = 24;
    /// <summary>Trending: how many days back papers are considered.</summary>
    [Range(1, 365)] public int TrendingWindowDays { get; set; } = 7;
}
