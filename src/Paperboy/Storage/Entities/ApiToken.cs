namespace Paperboy.Storage;

/// <summary>A personal API token (<c>Authorization: Bearer</c>). Only the SHA-256 of its secret is stored.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Name { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
