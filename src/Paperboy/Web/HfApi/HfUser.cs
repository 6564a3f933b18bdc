using System.Text.Json.Serialization;
using Paperboy.Storage;

namespace Paperboy.Web;

/// <summary>HF's user object (<c>submittedBy</c>, <c>submittedOnDailyBy</c>): what this hub knows of who featured a paper.</summary>
public sealed record HfUser(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("fullname")] string Fullname,
    [property: JsonPropertyName("type")] string Type)
{
    /// <summary>HF's older name for <see cref="Name"/>, still the only one in <c>submittedOnDailyBy</c> of its 2025 lists.</summary>
    [JsonPropertyName("user")] public string User => Name;

    public static HfUser? From(FeaturedPaper? featured) => featured?.SubmittedBy is { Length: > 0 } name
        ? new HfUser(name, featured.SubmittedByName ?? name, "user")
        : null;
}
