namespace Paperboy.Storage;

/// <summary>
/// SQLite lets one writer in at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before
/// retrying; under many concurrent writers that sleep, not the work, sets the pace. Short write transactions of this
/// process therefore queue here first (several processes on one file still fall back to SQLite's own locking).
/// On PostgreSQL the gate is open: row locks do the job.
/// </summary>
public sealed class SqliteWriteGate
{
    readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(PaperboyDb db, CancellationToken ct)
    {
        if (db.IsPostgres) return Open.Instance;
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
        }
    }

    sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();
        public void Dispose() { }
    }
}
