namespace Paperboy.Storage;

/// <summary>A reader's named collection of papers: private (only its owner sees it) unless they make it public.</summary>
public sealed class PaperCollection
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Name { get; set; }
    public bool IsPublic { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When a paper was last saved, changed or taken out (the Atom feed's <c>updated</c>).</summary>
    public DateTime UpdatedAt { get; set; }
}
