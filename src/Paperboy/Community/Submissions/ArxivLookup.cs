using Paperboy.Domain;
using Paperboy.Ingest.Arxiv;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>Fetches one submitted paper's metadata through the ingest's arXiv API client (its politeness gate and parser).</summary>
public sealed class ArxivLookup(ArxivApiClient arxiv)
{
    /// <summary>The paper, or null when arXiv has no such id. Throws <see cref="Ingest.ImportSourceException"/> when arXiv cannot be reached.</summary>
    public async Task<Paper?> FindAsync(ArxivId id, CancellationToken ct)
    {
        var feed = await arxiv.QueryAsync(null, [id.ToString()], 0, 1, null, ct);
        if (feed.IsError || feed.Entries.FirstOrDefault(e => e.Id == id.Id) is not { } r) return null;
        return new Paper
        {
            Id = r.Id, Version = r.Version ?? 1, Title = r.Title, Abstract = r.Abstract, Authors = [.. r.Authors], Categories = [.. r.Categories],
            PublishedAt = r.PublishedAt, UpdatedAt = r.UpdatedAt, Comment = r.Comment, JournalRef = r.JournalRef, Doi = r.Doi,
            CreatedAt = DateTime.UtcNow,
        };
    }
}
