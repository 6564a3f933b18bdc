namespace Paperboy.Storage;

/// <summary>
/// A stamp that changes whenever what the lists show changes in this process (an import, a vote, a hidden paper).
/// Cached lists remember the stamp they were built at and are rebuilt when it moved; writers call <see cref="Bump"/>
/// after committing. Writes from another process (a CLI import) show once the cache's short lifetime ends.
/// Counts (votes, comments) call <see cref="BumpCounts"/>: in a busy community they change many times a second, and
/// moving the stamp for each would rebuild every cached page each time; the stamp moves once within
/// <see cref="CountsDelay"/> for all of them (the voter's own page is never cached, so they see their vote at once).
/// On PostgreSQL every move is told to the other instances (<see cref="ClusterSignals"/>), whose stamps move at once.
/// </summary>
public sealed class DataVersion
{
    readonly ClusterSignals? _signals;

    public DataVersion(ClusterSignals? signals = null)
    {
        _signals = signals;
        signals?.On(ClusterSignals.DataChanged, _ => Interlocked.Increment(ref _current));
    }

    long _current;
    long _countsDueAt; // Environment.TickCount64 at which pending counts move the stamp; 0: none pending

    /// <summary>How long cached pages may show old counts (<c>Paperboy:Feed:CountsDelay</c>; zero: at once).</summary>
    public TimeSpan CountsDelay { get; set; } = TimeSpan.FromSeconds(1);

    public long Current
    {
        get
        {
            var due = Interlocked.Read(ref _countsDueAt);
            if (due != 0 && Environment.TickCount64 >= due && Interlocked.CompareExchange(ref _countsDueAt, 0, due) == due)
                Interlocked.Increment(ref _current);
            return Interlocked.Read(ref _current);
        }
    }

    public void Bump()
    {
        Interlocked.Increment(ref _current);
        _signals?.Publish(ClusterSignals.DataChanged);
    }

    /// <summary>Counts changed: the stamp moves within <see cref="CountsDelay"/>, once for every count changed meanwhile.</summary>
    public void BumpCounts()
    {
        if (CountsDelay <= TimeSpan.Zero) Bump();
        // The other instances are told once per delay, and move their stamps when told (the delay has been taken here).
        else if (Interlocked.CompareExchange(ref _countsDueAt, Environment.TickCount64 + (long)CountsDelay.TotalMilliseconds, 0) == 0)
            _signals?.Publish(ClusterSignals.DataChanged, "counts");
    }
}
