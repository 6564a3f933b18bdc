namespace Paperboy.Ingest.Writing;

/// <summary>
/// What one transaction writes: papers, featured rows, how many records the source rejected,
/// and the cursor to store with them (so a killed import resumes after the last committed batch).
/// </summary>
public sealed record ImportBatch(IReadOnlyList<PaperRecord> Papers, IReadOnlyList<FeaturedRecord> Featured, int Rejected, string? Cursor)
{
    /// <summary>
    /// A bulk batch (the snapshot): the keyword index is not maintained row by row, where indexing would cost more than
    /// writing the papers. SQLite queues the new papers for the index (indexed at the end of a small import, else in the
    /// background); PostgreSQL, when the import brings many papers for the size of the table, writes without the index
    /// and builds it at the end of the import.
    /// </summary>
    public bool IndexLater { get; init; }

    public static ImportBatch Of(IReadOnlyList<PaperRecord> papers, string? cursor = null, int rejected = 0) => new(papers, [], rejected, cursor);

    /// <summary>One record per paper id (the newest version; the last of equals), one featured row per paper (the earliest day).</summary>
    public ImportBatch Deduplicated()
    {
        var papers = new Dictionary<string, PaperRecord>(Papers.Count, StringComparer.Ordinal);
        foreach (var p in Papers)
            if (!papers.TryGetValue(p.Id, out var seen) || (p.Version ?? 0) >= (seen.Version ?? 0)) papers[p.Id] = p;
        var featured = new Dictionary<string, FeaturedRecord>(StringComparer.Ordinal);
        foreach (var f in Featured)
            if (!featured.TryGetValue(f.PaperId, out var seen) || f.Day < seen.Day) featured[f.PaperId] = f;
        var duplicates = Papers.Count - papers.Count;
        return duplicates == 0 && featured.Count == Featured.Count ? this : this with { Papers = [.. papers.Values], Featured = [.. featured.Values] };
    }
}
