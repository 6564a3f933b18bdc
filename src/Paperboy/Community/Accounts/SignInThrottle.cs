using Microsoft.Extensions.Options;

namespace Paperboy.Community;

/// <summary>Sign-in links per email address: the address is in the form body, so this limit is taken in the handler.</summary>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options) : IDisposable
{
    readonly FixedWindowThrottle<string> _window = new(options.Value.SignInPerAddress, options.Value.SignInWindowSeconds);

    /// <summary>Null when a link may be sent, else the seconds to wait.</summary>
    public int? RetryAfterSeconds(string normalizedEmail) => _window.RetryAfterSeconds(normalizedEmail);

    public void Dispose() => _window.Dispose();
}
