namespace Paperboy.Storage;

/// <summary>An arXiv paper, keyed by its id without version (<c>2409.01234</c>, <c>hep-th/9901001</c>).</summary>
public sealed class Paper
{
    public required string Id { get; set; }
    public int Version { get; set; } = 1;
    public required string Title { get; set; }
    public string Abstract { get; set; } = "";
    /// <summary>Authors in arXiv's order.</summary>
    public List<string> Authors { get; set; } = [];
    /// <summary>Categories, primary first.</summary>
    public List<string> Categories { get; set; } = [];
    /// <summary>When version 1 appeared (UTC).</summary>
    public DateTime PublishedAt { get; set; }
    /// <summary>When the latest known version appeared (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
    public string? Comment { get; set; }
    public string? JournalRef { get; set; }
    public string? Doi { get; set; }
    public string? ProjectPage { get; set; }
    public string? GithubRepo { get; set; }
    public int? GithubStars { get; set; }
    public string? AiSummary { get; set; }
    public List<string> AiKeywords { get; set; } = [];
    /// <summary>Keywords computed here from the title and abstract (<see cref="Domain.Keyphrases"/>); HF's <see cref="AiKeywords"/> are preferred when present.</summary>
    public List<string> Keywords { get; set; } = [];
    /// <summary>What a reader is shown as the paper's keywords: HF's when it has them, else the computed ones.</summary>
    public IReadOnlyList<string> ShownKeywords => AiKeywords.Count > 0 ? AiKeywords : Keywords;
    public string? Thumbnail { get; set; }
    /// <summary>The organization HF shows for the paper (its display name), when known.</summary>
    public string? Organization { get; set; }
    /// <summary>Upvotes counted on Hugging Face, refreshed by every HF import; never mixed with local votes.</summary>
    public int ImportedUpvotes { get; set; }
    /// <summary>Votes cast on this hub (kept in step with the upvotes table).</summary>
    public int LocalUpvotes { get; set; }
    /// <summary>Comments on this hub (kept in step with the comments table).</summary>
    public int CommentCount { get; set; }
    /// <summary>Comments counted on Hugging Face at the last import.</summary>
    public int ImportedComments { get; set; }
    public bool Hidden { get; set; }
    /// <summary>When this row was first stored here (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    public int Upvotes => ImportedUpvotes + LocalUpvotes;
    public string PrimaryCategory => Categories.Count > 0 ? Categories[0] : "";
}
