using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Paperboy.Digest;

/// <summary>
/// Signs the links in messages with HMAC-SHA256: <c>{id}.{expires}.{nonce}.{signature}</c>, the purpose bound into the
/// signature so a manage link cannot stand in for a confirmation. <c>expires</c> is Unix seconds, 0 for never.
/// </summary>
public sealed class LinkSigner(IOptions<DigestOptions> options, DigestKeyStore keys)
{
    byte[]? _key;

    public async Task<string> SignAsync(string purpose, long id, DateTime? expiresAt, string nonce, CancellationToken ct)
    {
        var expires = expiresAt is { } e ? new DateTimeOffset(e).ToUnixTimeSeconds() : 0;
        var body = $"{id}.{expires}.{nonce}";
        return body + "." + Base64Url(Mac(await KeyAsync(ct), purpose, body));
    }

    /// <summary>Checks a token; null when it was tampered with or is not a token at all (expiry is the caller's to judge).</summary>
    public async Task<SignedLink?> VerifyAsync(string purpose, string? token, CancellationToken ct)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 4 || !long.TryParse(parts[0], out var id) || !long.TryParse(parts[1], out var expires)) return null;
        byte[] given;
        try { given = Convert.FromBase64String(FromBase64Url(parts[3])); }
        catch (FormatException) { return null; }
        var expected = Mac(await KeyAsync(ct), purpose, $"{parts[0]}.{parts[1]}.{parts[2]}");
        if (!CryptographicOperations.FixedTimeEquals(given, expected)) return null;
        var expiresAt = expires == 0 ? (DateTime?)null : DateTimeOffset.FromUnixTimeSeconds(expires).UtcDateTime;
        return new SignedLink(id, expiresAt, parts[2]);
    }

    async Task<byte[]> KeyAsync(CancellationToken ct) =>
        _key ??= options.Value.SigningKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : await keys.GetOrCreateAsync("link-signing", ct);

    static byte[] Mac(byte[] key, string purpose, string body) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + "|" + body));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static string FromBase64Url(string s)
    {
        var t = s.Replace('-', '+').Replace('_', '/');
        return t + new string('=', (4 - t.Length % 4) % 4);
    }
}
