using MimeKit;

namespace Paperboy.Digest;

/// <summary>Checks and normalizes a subscriber's address: one plain <c>name@domain.tld</c>, lower-cased.</summary>
public static class EmailAddress
{
    public static string? Normalize(string? text, out string? error)
    {
        error = null;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) { error = "Enter an email address."; return null; }
        if (trimmed.Length > 254
            || !MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var parsed)
            || parsed.Address != trimmed
            || trimmed.IndexOf('@') is var at && (at < 1 || trimmed.IndexOf('.', at) < at + 2 || trimmed.EndsWith('.')))
        {
            error = $"'{Shorten(trimmed)}' is not an email address like name@example.org.";
            return null;
        }
        return trimmed.ToLowerInvariant();
    }

    static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
