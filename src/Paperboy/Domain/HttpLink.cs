namespace Paperboy.Domain;

/// <summary>
/// Addresses that come with imported data (code, project page, thumbnail, avatar) are as untrusted as a form: only an
/// absolute <c>http</c> or <c>https</c> URL is kept, so that <c>javascript:</c> or <c>data:</c> never becomes a link.
/// </summary>
public static class HttpLink
{
    /// <summary>The URL, trimmed, when it is absolute http(s) with a host; otherwise null.</summary>
    public static string? OrNull(string? url)
    {
        var text = url?.Trim();
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            && !text!.Any(char.IsControl) ? text : null;
    }
}
