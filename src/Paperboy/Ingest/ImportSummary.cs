namespace Paperboy.Ingest;

/// <summary>How a run ended: what it counted, what it rejected and why, and (when it failed) the reason in one line.</summary>
public sealed record ImportSummary(
    string Source, string Scope, string Label, ImportCounts Counts, TimeSpan Elapsed,
    IReadOnlyList<ImportProblem> Problems, int ProblemCount, string? Error)
{
    /// <summary>Papers written but left for the background keyword indexer (a bulk import on SQLite); 0 when search is up to date.</summary>
    public long AwaitingIndex { get; init; }

    public bool Failed => Error is not null;

    public double PapersPerSecond => Elapsed.TotalSeconds > 0 ? Counts.Total / Elapsed.TotalSeconds : 0;

    /// <summary><c>imported snapshot x.jsonl.gz: 74728 new, 0 updated, 0 unchanged, 0 rejected in 3.1 s (24,100 papers/s)</c></summary>
    public override string ToString() =>
        $"imported {Source} {Label}: {Counts} in {Elapsed.TotalSeconds:0.0} s ({PapersPerSecond:#,0} papers/s)" +
        (Counts.Featured > 0 ? $"; {Counts.Featured} featured" : "") +
        (AwaitingIndex > 0 ? $"; {AwaitingIndex} wait for the keyword index (the running hub indexes them in the background, or run `paperboy search index`)" : "");
}
