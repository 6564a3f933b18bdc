namespace Paperboy.Storage;

/// <summary>One person's vote for one paper (the pair is the key).</summary>
public sealed class Upvote
{
    public long UserId { get; set; }
    public required string PaperId { get; set; }
    public DateTime CreatedAt { get; set; }
}
