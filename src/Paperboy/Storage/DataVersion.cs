namespace Paperboy.Storage;

/// <summary>
/// A stamp that changes whenever what the lists show changes in this process (an import, a vote, a hidden paper).
/// Cached lists remember the stamp they were built at and are rebuilt when it moved; writers call <see cref="Bump"/>
/// after committing. Writes from another process (a CLI import) show once the cache's short lifetime ends.
/// </summary>
public sealed class DataVersion
{
    long _current;

    public long Current => Interlocked.Read(ref _current);

    public void Bump() => Interlocked.Increment(ref _current);
}
