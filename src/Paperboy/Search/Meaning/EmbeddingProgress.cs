namespace Paperboy.Search.Meaning;

/// <summary>What the back-fill has done since start, for the admin page.</summary>
public sealed class EmbeddingProgress
{
    long _embedded;
    public bool IndexLoaded { get; set; }
    public long EmbeddedSinceStart => Interlocked.Read(ref _embedded);
    public double PapersPerSecond { get; set; }
    public DateTime? LastBatchAt { get; set; }
    public string? LastError { get; set; }

    public void Add(int n) => Interlocked.Add(ref _embedded, n);
}
