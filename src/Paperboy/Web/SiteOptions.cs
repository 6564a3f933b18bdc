using System.ComponentModel.DataAnnotations;

namespace Paperboy.Web;

/// <summary>Section <c>Paperboy</c>: settings of the site as a whole.</summary>
public sealed class SiteOptions
{
    public const string Section = "Paperboy";

    /// <summary>The address people reach the hub at, used for links in messages (<c>https://papers.example.org</c>).</summary>
    [Required, Url] public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;
    public string Host => Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var u) ? u.Host : "localhost";
}
