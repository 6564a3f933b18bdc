namespace Paperboy.Storage;

/// <summary>A person with an account. The handle is null until the first sign-in picks one.</summary>
public sealed class User
{
    public long Id { get; set; }
    public string? Handle { get; set; }
    /// <summary>Lower-cased; verified by the sign-in link that created the account.</summary>
    public required string Email { get; set; }
    public string? DisplayName { get; set; }
    public UserRole Role { get; set; }
    /// <summary>Changed by "sign out everywhere": every cookie carrying an older stamp stops working.</summary>
    public required string SecurityStamp { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum UserRole
{
    Member = 0,
    Curator = 1,
    Admin = 2,
}
