namespace Paperboy.Community;

public sealed record CommentResult(CommentOutcome Outcome, long Id)
{
    public static readonly CommentResult PaperNotFound = new(CommentOutcome.PaperNotFound, 0);
    public static readonly CommentResult ParentNotFound = new(CommentOutcome.ParentNotFound, 0);
    public static readonly CommentResult NotFound = new(CommentOutcome.NotFound, 0);
    public static readonly CommentResult NotYours = new(CommentOutcome.NotYours, 0);
}
