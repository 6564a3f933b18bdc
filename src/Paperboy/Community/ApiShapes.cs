namespace Paperboy.Community;

// The community API's request and response bodies, together because each is a line.

public sealed record UpvoteResponse(string Id, bool Upvoted, int Upvotes);

public sealed record CommentRequest(string? Text, long? ParentId);

public sealed record CommentEditRequest(string? Text);

public sealed record CommentResponse(long Id, string PaperId, long? ParentId, string Author, string Text, string Html,
    DateTime CreatedAt, DateTime? EditedAt, bool Deleted, bool Hidden)
{
    public static CommentResponse From(CommentView c) =>
        new(c.Id, c.PaperId, c.ParentId, c.Author, c.Text, c.IsGone ? "" : CommentRenderer.ToHtml(c.Text), c.CreatedAt, c.EditedAt, c.Deleted, c.Hidden);
}

public sealed record SubmitRequest(string? Id);

public sealed record SubmitResponse(string Id, DateOnly Day, string? SubmittedBy);

public sealed record FeatureRequest(string? Day);

public sealed record FeatureResponse(string Id, DateOnly Day);
