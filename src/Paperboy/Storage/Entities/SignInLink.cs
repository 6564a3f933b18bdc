namespace Paperboy.Storage;

/// <summary>A one-time sign-in link sent by email. Only the SHA-256 of its secret is stored.</summary>
public sealed class SignInLink
{
    public long Id { get; set; }
    public required string Email { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
