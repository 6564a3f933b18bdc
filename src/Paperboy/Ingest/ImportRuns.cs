using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Ingest;

/// <summary>
/// The <c>import_runs</c> table: one row per run of a source. The latest row of a source is its last run
/// (pages show its status and Error). A run of the same source and scope that was killed (still Running) or failed
/// hands its cursor to the next run, which resumes there.
/// </summary>
public sealed class ImportRuns(IServiceScopeFactory scopes)
{
    /// <summary>Starts a run; <see cref="ImportRun.Cursor"/> holds where the previous unfinished run of this scope stopped, or null.</summary>
    public async Task<ImportRun> StartAsync(string source, string scope, CancellationToken ct)
    {
        await using var s = scopes.CreateAsyncScope();
        var db = s.ServiceProvider.GetRequiredService<PaperboyDb>();
        var previous = await db.Set<ImportRun>().AsTracking()
            .Where(r => r.Source == source && r.Scope == scope)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var resume = previous is { Status: not ImportStatus.Succeeded, Cursor: not null } ? previous.Cursor : null;
        var run = new ImportRun { Source = source, Scope = scope, Cursor = resume, Status = ImportStatus.Running, StartedAt = DateTime.UtcNow };
        db.Add(run);
        await db.SaveChangesAsync(ct);
        if (previous is { Status: ImportStatus.Running })
        {
            previous.Status = ImportStatus.Failed;
            previous.FinishedAt ??= run.StartedAt;
            previous.Error = $"interrupted; run {run.Id} resumed it" + (resume is null ? "" : $" from {resume}");
            await db.SaveChangesAsync(ct);
        }
        return run;
    }

    /// <summary>Marks the run finished: its counts, and the reason when it failed (or what was rejected when it succeeded).</summary>
    public async Task FinishAsync(long runId, ImportStatus status, ImportCounts counts, string? error, string? cursor, CancellationToken ct)
    {
        await using var s = scopes.CreateAsyncScope();
        var db = s.ServiceProvider.GetRequiredService<PaperboyDb>();
        var run = await db.Set<ImportRun>().AsTracking().SingleAsync(r => r.Id == runId, ct);
        run.Status = status;
        run.FinishedAt = DateTime.UtcNow;
        (run.New, run.Updated, run.Unchanged, run.Rejected) = (counts.New, counts.Updated, counts.Unchanged, counts.Rejected);
        run.Error = error is { Length: > 2000 } ? error[..1997] + "..." : error;
        run.Cursor = cursor;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The last run of a source, or null when it never ran.</summary>
    public async Task<ImportRun?> FindLatestAsync(string source, CancellationToken ct)
    {
        await using var s = scopes.CreateAsyncScope();
        var db = s.ServiceProvider.GetRequiredService<PaperboyDb>();
        return await db.Set<ImportRun>().Where(r => r.Source == source).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }
}
