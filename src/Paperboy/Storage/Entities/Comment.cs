namespace Paperboy.Storage;

/// <summary>A comment in a paper's threaded discussion; the Markdown source is kept, rendered on display.</summary>
public sealed class Comment
{
    public long Id { get; set; }
    public required string PaperId { get; set; }
    public long UserId { get; set; }
    public long? ParentId { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    /// <summary>Deleted by its author: the text is gone, a placeholder keeps the thread.</summary>
    public bool Deleted { get; set; }
    /// <summary>Hidden by a curator: shown as a placeholder too.</summary>
    public bool Hidden { get; set; }
}
