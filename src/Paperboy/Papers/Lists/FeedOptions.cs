using System.ComponentModel.DataAnnotations;

namespace Paperboy.Papers.Lists;

/// <summary>Section <c>Paperboy:Feed</c>.</summary>
public sealed class FeedOptions
{
    public const string Section = "Paperboy:Feed";

    /// <summary>
    /// How long a built list is served before it is read again. Changes made in this process (imports, curators' actions) show at
    /// once (votes and comments within <see cref="CountsDelay"/>) through <see cref="Storage.DataVersion"/>; this bounds how long a change made by another process (a CLI import) takes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long cached pages may show old vote and comment counts (<see cref="Storage.DataVersion.BumpCounts"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CountsDelay { get; set; } = TimeSpan.FromSeconds(1);
}
