namespace Paperboy.Storage;

/// <summary>A row that lets one instance among several run a scheduled job.</summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}
