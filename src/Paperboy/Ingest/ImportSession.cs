using Paperboy.Ingest.Writing;
using Paperboy.Storage;

namespace Paperboy.Ingest;

/// <summary>
/// One run of one source while it runs: writes batches through the <see cref="PaperWriter"/> (moving the run's cursor
/// with each), keeps the counts and the problems, and reports progress.
/// </summary>
public sealed class ImportSession(ImportRun run, PaperWriter writer, IProgress<ImportCounts>? progress)
{
    const int KeptProblems = 200;
    readonly List<ImportProblem> _problems = [];
    int _pendingRejected;

    public long RunId => run.Id;
    /// <summary>Where the previous, unfinished run of this scope stopped; null to start from the beginning.</summary>
    public string? ResumeCursor { get; } = run.Cursor;
    /// <summary>The cursor of the last batch written.</summary>
    public string? Cursor { get; private set; } = run.Cursor;
    public ImportCounts Counts { get; private set; }
    public IReadOnlyList<ImportProblem> Problems => _problems;
    public int ProblemCount { get; private set; }

    /// <summary>Notes something the source gave that is not imported; <paramref name="records"/> papers count as rejected.</summary>
    public void Reject(ImportProblem problem, int records = 1)
    {
        ProblemCount++;
        if (_problems.Count < KeptProblems) _problems.Add(problem);
        _pendingRejected += records;
    }

    /// <summary>Writes a batch (one transaction) with the rejections noted since the last one.</summary>
    public async Task<ImportCounts> WriteAsync(ImportBatch batch, CancellationToken ct)
    {
        if (_pendingRejected > 0) batch = batch with { Rejected = batch.Rejected + _pendingRejected };
        _pendingRejected = 0;
        var counts = await writer.WriteAsync(batch, run.Id, ct);
        Counts += counts;
        if (batch.Cursor is not null) Cursor = batch.Cursor;
        progress?.Report(Counts);
        return counts;
    }

    /// <summary>The counts including rejections not yet written with a batch.</summary>
    internal ImportCounts FinalCounts => Counts with { Rejected = Counts.Rejected + _pendingRejected };
}
