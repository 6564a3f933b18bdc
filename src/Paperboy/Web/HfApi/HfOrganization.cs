using System.Text.Json.Serialization;
using Paperboy.Storage;

namespace Paperboy.Web;

/// <summary>HF's organization object (<c>organization</c> on a paper and on a daily entry), without HF's internal <c>_id</c>.</summary>
public sealed record HfOrganization(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("fullname")] string Fullname,
    [property: JsonPropertyName("avatar"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Avatar)
{
    /// <summary>Known once HF's day was imported with this version (the name comes with the featured row).</summary>
    public static HfOrganization? From(Paper paper, FeaturedPaper? featured) => featured?.OrganizationName is { Length: > 0 } name
        ? new HfOrganization(name, paper.Organization ?? name, featured.OrganizationAvatar)
        : null;
}
