namespace Paperboy.Web;

/// <summary>The one check every redirect to an address from a form or a query goes through: it must stay on this site.</summary>
public static class LocalUrl
{
    /// <summary>
    /// True for a path on this site (<c>/papers/2409.01234</c>): it starts with one slash, and has no second slash or
    /// backslash after it and no control character anywhere (browsers drop tabs and newlines, so <c>/%09/evil.example</c>
    /// would become <c>//evil.example</c>).
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && (u.Length == 1 || u[1] is not ('/' or '\\'))
        && !u.Any(c => char.IsControl(c) || c == '\\');

    /// <summary><paramref name="url"/> when it is local, else <paramref name="fallback"/>.</summary>
    public static string Or(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
