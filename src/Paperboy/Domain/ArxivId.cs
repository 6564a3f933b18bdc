using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Paperboy.Domain;

/// <summary>
/// An arXiv identifier split into the id we store (no version) and the version apart.
/// Accepts new style (<c>2409.01234v2</c>, <c>0704.0001</c>), old style (<c>hep-th/9901001</c>, <c>math.GT/0309136v1</c>),
/// an <c>arXiv:</c> prefix, and abs/pdf/html URLs of arxiv.org or hf.co/papers.
/// </summary>
public readonly partial record struct ArxivId(string Id, int? Version)
{
    [GeneratedRegex(@"^(?:(?<new>\d{4}\.\d{4,5})|(?<old>[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}))(?:v(?<v>\d{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co|hf\.co)/(?:abs|pdf|html|papers)/(?<id>.+?)(?:\.pdf)?/?(?:[?#].*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    public override string ToString() => Version is { } v ? $"{Id}v{v}" : Id;

    public static bool TryParse(string? text, out ArxivId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300) return false;
        var s = text.Trim();
        if (s.Contains('/')) // only URLs and old-style ids have a slash; skipping the URL pattern keeps bulk imports fast
        {
            var url = UrlPattern().Match(s);
            if (url.Success) s = url.Groups["id"].Value;
        }
        if (s.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase)) s = s[6..];
        var m = Pattern().Match(s);
        if (!m.Success) return false;
        var bare = m.Groups["new"].Success ? m.Groups["new"].Value : m.Groups["old"].Value;
        if (m.Groups["new"].Success && !IsPlausibleNewStyle(bare)) return false;
        int? version = m.Groups["v"].Success ? int.Parse(m.Groups["v"].Value) : null;
        if (version == 0) return false;
        id = new ArxivId(bare, version);
        return true;
    }

    public static ArxivId Parse(string text) => TryParse(text, out var id)
        ? id
        : throw new FormatException($"'{text}' is not an arXiv id; expected something like 2409.01234, 2409.01234v2 or hep-th/9901001.");

    /// <summary>Month 01–12 and, from 1501 on, five digits after the dot.</summary>
    static bool IsPlausibleNewStyle(string id)
    {
        var month = int.Parse(id.AsSpan(2, 2));
        if (month is < 1 or > 12) return false;
        var yymm = int.Parse(id.AsSpan(0, 4));
        var digits = id.Length - 5;
        return yymm >= 1501 ? digits == 5 : digits == 4;
    }

    public static bool IsValid([NotNullWhen(true)] string? text) => TryParse(text, out _);
}
