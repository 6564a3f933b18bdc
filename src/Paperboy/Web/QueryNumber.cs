using System.Globalization;

namespace Paperboy.Web;

/// <summary>The one reader of whole-number query parameters (<c>p</c>, <c>page</c>, <c>limit</c>, <c>votes</c>) for pages and API alike.</summary>
public static class QueryNumber
{
    /// <summary>The last page a list answers (<c>p</c> from 0): far past any real list, and page × limit stays an int.</summary>
    public const int MaxPage = 100_000;

    /// <summary>
    /// <paramref name="text"/> as a whole number from <paramref name="min"/> to <paramref name="max"/>; absent or blank is
    /// <paramref name="fallback"/>; anything else adds a message naming <paramref name="name"/> to <paramref name="errors"/>.
    /// </summary>
    public static int Read(string? text, string name, int min, int max, int fallback, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        // Digits only: int.TryParse, even with NumberStyles.None, takes trailing NULs ("1\0" is 1).
        if (text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors[name] = [$"{name} must be a whole number from {min} to {max}, not '{(text.Length > 40 ? text[..40] + "…" : text)}'."];
        return fallback;
    }
}
