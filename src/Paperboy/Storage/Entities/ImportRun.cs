namespace Paperboy.Storage;

/// <summary>One run of one source, with the cursor a killed run resumes from.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }
    /// <summary>hf-daily, snapshot, arxiv, oai.</summary>
    public required string Source { get; set; }
    /// <summary>What the run covers (a file path, a date range, a query); with Source it identifies a resumable run.</summary>
    public required string Scope { get; set; }
    /// <summary>Where to resume: a day, a resumption token, a line offset.</summary>
    public string? Cursor { get; set; }
    public ImportStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int New { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    /// <summary>Failed: why, in one readable line. Succeeded: what was rejected and why ("2 rejected: 2024-12-11.json: ..."), or null.</summary>
    public string? Error { get; set; }
}

public enum ImportStatus
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
}
