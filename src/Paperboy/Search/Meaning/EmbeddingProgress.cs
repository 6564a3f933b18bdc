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
    /// <summary>Papers without a vector of the model, as the back-fill last counted them (null before its first count).</summary>
    public long? Backlog { get; set; }

    public void Add(int n) => Interlocked.Add(ref _embedded, n);
}
