using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Community;

/// <summary>
/// Secrets handed out once (sign-in links, API tokens) as <c>{prefix}{rowId}_{secret}</c>. Only SHA-256 of the secret is
/// stored; the row is found by its id and the hashes compared in constant time, so lookups leak no timing.
/// </summary>
public static class SecretTokens
{
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(32);

    public static byte[] Hash(ReadOnlySpan<byte> secret) => SHA256.HashData(secret);

    public static string Format(string prefix, long id, byte[] secret) => $"{prefix}{id}_{Base64Url(secret)}";

    public static bool TryParse(string? token, string prefix, out long id, out byte[] secret)
    {
        id = 0;
        secret = [];
        if (token is null || token.Length > 200 || !token.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = token.AsSpan(prefix.Length);
        var sep = rest.IndexOf('_');
        if (sep <= 0 || !long.TryParse(rest[..sep], out id)) return false;
        try { secret = FromBase64Url(rest[(sep + 1)..].ToString()); }
        catch (FormatException) { return false; }
        return secret.Length == 32;
    }

    public static bool Matches(byte[] storedHash, byte[] secret) =>
        CryptographicOperations.FixedTimeEquals(storedHash, Hash(secret));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '.');

    static byte[] FromBase64Url(string s)
    {
        var b = new StringBuilder(s.Replace('-', '+').Replace('.', '/'));
        while (b.Length % 4 != 0) b.Append('=');
        return Convert.FromBase64String(b.ToString());
    }
}
