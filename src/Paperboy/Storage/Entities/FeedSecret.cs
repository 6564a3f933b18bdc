namespace Paperboy.Storage;

/// <summary>The SHA-256 of a reader's private "For you" feed secret; one per reader, replaced when they ask for a new link.</summary>
public sealed class FeedSecret
{
    public long UserId { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
}
