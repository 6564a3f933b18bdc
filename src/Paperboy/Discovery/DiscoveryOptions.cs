using System.ComponentModel.DataAnnotations;

namespace Paperboy.Discovery;

/// <summary>Section <c>Paperboy:Discovery</c>: the "For you" recommendations.</summary>
public sealed class DiscoveryOptions
{
    public const string Section = "Paperboy:Discovery";

    /// <summary>How many days of recent papers are ranked, counted back from the newest paper (the default of <c>since</c>).</summary>
    [Range(1, 365)] public int WindowDays { get; set; } = 14;
}
