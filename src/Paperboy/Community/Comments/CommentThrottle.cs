using Microsoft.Extensions.Options;

namespace Paperboy.Community;

/// <summary>
/// Comments written, edited or deleted per person in a window (<c>Paperboy:RateLimits:Comments</c>). <see cref="CommentStore"/>
/// takes it just before it writes, so a comment refused for its text, its paper, its parent or its owner uses up none of the
/// allowance (the rate-limit middleware would count every request before the handler had looked at it).
/// </summary>
public sealed class CommentThrottle(IOptions<RateLimitOptions> options) : IDisposable
{
    readonly FixedWindowThrottle<long> _window = new(options.Value.Comments, options.Value.CommentsWindowSeconds);

    /// <summary>Null when the person may write (and that write is counted), else the seconds to wait.</summary>
    public int? RetryAfterSeconds(long userId) => _window.RetryAfterSeconds(userId);

    public void Dispose() => _window.Dispose();
}
