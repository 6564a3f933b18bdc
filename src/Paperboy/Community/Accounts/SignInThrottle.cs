using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Paperboy.Community;

/// <summary>Sign-in links per email address: the address is in the form body, so this limit is taken in the handler.</summary>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignInPerAddress),
            Window = TimeSpan.FromSeconds(Math.Max(1, options.Value.SignInWindowSeconds)),
            QueueLimit = 0,
        }));

    /// <summary>Null when a link may be sent, else the seconds to wait.</summary>
    public int? RetryAfterSeconds(string normalizedEmail)
    {
        using var lease = _limiter.AttemptAcquire(normalizedEmail);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
    }

    public void Dispose() => _limiter.Dispose();
}
