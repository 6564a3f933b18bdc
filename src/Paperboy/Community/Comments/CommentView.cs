namespace Paperboy.Community;

/// <summary>A comment as shown: deleted and hidden ones keep their place with an empty text.</summary>
public sealed record CommentView(long Id, string PaperId, long? ParentId, long UserId, string Author, string Text,
    DateTime CreatedAt, DateTime? EditedAt, bool Deleted, bool Hidden)
{
    public bool IsGone => Deleted || Hidden;
}
