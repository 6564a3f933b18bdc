namespace Paperboy.Storage;

/// <summary>One paper saved in one collection (the pair is the key), with its owner's note and tags.</summary>
public sealed class CollectionEntry
{
    public long CollectionId { get; set; }
    public required string PaperId { get; set; }
    public string Note { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public DateTime AddedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
