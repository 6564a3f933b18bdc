namespace Paperboy.Community;

/// <summary>What a comment write came to; <see cref="RetryAfterSeconds"/> says how long to wait when it is <see cref="CommentOutcome.TooMany"/>.</summary>
public sealed record CommentResult(CommentOutcome Outcome, long Id, int RetryAfterSeconds = 0)
{
    public static readonly CommentResult PaperNotFound = new(CommentOutcome.PaperNotFound, 0);
    public static readonly CommentResult ParentNotFound = new(CommentOutcome.ParentNotFound, 0);
    public static readonly CommentResult NotFound = new(CommentOutcome.NotFound, 0);
    public static readonly CommentResult NotYours = new(CommentOutcome.NotYours, 0);

    public static CommentResult TooMany(int retryAfterSeconds) => new(CommentOutcome.TooMany, 0, retryAfterSeconds);
}
