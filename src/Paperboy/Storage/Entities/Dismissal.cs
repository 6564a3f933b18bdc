namespace Paperboy.Storage;

/// <summary>A reader said "not interested" to a recommended paper (the pair is the key).</summary>
public sealed class Dismissal
{
    public long UserId { get; set; }
    public required string PaperId { get; set; }
    public DateTime CreatedAt { get; set; }
}
