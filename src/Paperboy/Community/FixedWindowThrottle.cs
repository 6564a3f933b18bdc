using System.Threading.RateLimiting;

namespace Paperboy.Community;

/// <summary>
/// A fixed-window limit taken where only the handler or the store knows the key or whether the request counts (a sign-in
/// link's address is in the form body; a comment counts only once it is written), rather than by the rate-limit middleware.
/// </summary>
public sealed class FixedWindowThrottle<TKey>(int limit, int windowSeconds) : IDisposable where TKey : notnull
{
    readonly PartitionedRateLimiter<TKey> _limiter = PartitionedRateLimiter.Create<TKey, TKey>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit), Window = TimeSpan.FromSeconds(Math.Max(1, windowSeconds)), QueueLimit = 0,
        }));

    /// <summary>Null when <paramref name="key"/> may go ahead (and that use is counted), else the seconds to wait.</summary>
    public int? RetryAfterSeconds(TKey key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
    }

    public void Dispose() => _limiter.Dispose();
}
