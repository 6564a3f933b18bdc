using System.Diagnostics;
using Paperboy.Ingest.Writing;
using Paperboy.Storage;

namespace Paperboy.Ingest;

/// <summary>
/// Runs an import as one <see cref="ImportRun"/>: starts (or resumes) the run, opens the writer, runs the source's work,
/// and records how it ended. A source that cannot be reached or answers with an error fails the run with a readable
/// reason (stored in the row, logged as one line) instead of throwing; so do I/O and database errors.
/// </summary>
public sealed class ImportRunner(ImportRuns runs, PaperUpserter upserter, DataVersion dataVersion, ImportMetrics metrics, ILogger<ImportRunner> log)
{
    public async Task<ImportSummary> RunAsync(
        string source, string scope, string label, IProgress<ImportCounts>? progress,
        Func<ImportSession, CancellationToken, Task> work, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var run = await runs.StartAsync(source, scope, ct);
        ImportSession? session = null;
        string? error;
        long awaitingIndex = 0;
        try
        {
            await using var writer = await upserter.OpenAsync(ct);
            session = new ImportSession(run, writer, progress);
            await work(session, ct);
            awaitingIndex = await writer.FinishAsync(ct);
            error = null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await FinishAsync(run.Id, ImportStatus.Failed, session, "cancelled before it finished; the next run resumes", CancellationToken.None);
            dataVersion.Bump();
            throw;
        }
        catch (Exception e) when (e is ImportSourceException or HttpRequestException or IOException or TimeoutException
                                      or UnauthorizedAccessException or System.Data.Common.DbException or InvalidDataException)
        {
            error = Describe(e);
        }
        var counts = session?.FinalCounts ?? default;
        var problems = session?.Problems ?? [];
        var problemCount = session?.ProblemCount ?? 0;
        var stored = error ?? (problemCount == 0 ? null : $"{problemCount} rejected: " + string.Join("; ", problems.Take(5)) + (problemCount > 5 ? "; ..." : ""));
        await FinishAsync(run.Id, error is null ? ImportStatus.Succeeded : ImportStatus.Failed, session, stored, CancellationToken.None);
        // Batches are committed as they go, so even a failed run may have changed what the lists show.
        dataVersion.Bump();
        var summary = new ImportSummary(source, scope, label, counts, clock.Elapsed, problems, problemCount, error) { AwaitingIndex = awaitingIndex };
        metrics.Record(source, counts, error is null, clock.Elapsed);
        if (error is null)
            log.LogInformation("imported {Source} {Scope}: {New} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected in {Seconds:0.0} s",
                source, scope, counts.New, counts.Updated, counts.Unchanged, counts.Rejected, clock.Elapsed.TotalSeconds);
        else
            log.LogWarning("import {Source} {Scope} failed: {Reason}", source, scope, error);
        return summary;
    }

    Task FinishAsync(long runId, ImportStatus status, ImportSession? session, string? error, CancellationToken ct) =>
        runs.FinishAsync(runId, status, session?.FinalCounts ?? default, error, session?.Cursor, ct);

    /// <summary>One line a person can act on; the innermost socket or DNS message says why a host was unreachable.</summary>
    static string Describe(Exception e) => e switch
    {
        ImportSourceException => e.Message,
        HttpRequestException { InnerException: { } inner } h => $"{h.Message.TrimEnd('.')}: {inner.Message}",
        _ => e.Message,
    };
}
