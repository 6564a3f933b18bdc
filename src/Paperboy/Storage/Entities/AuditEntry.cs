namespace Paperboy.Storage;

/// <summary>One curator's or admin's action, kept for the admin page: who did what to which thing, and when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The account that acted; null for the command line (an operator on the server).</summary>
    public long? ActorId { get; set; }
    /// <summary>How the actor is shown: <c>@handle</c>, or <c>command line</c>.</summary>
    public required string Actor { get; set; }
    /// <summary>What was done, one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }
    /// <summary>What it was done to: a paper id, <c>comment 12</c>, <c>message 7</c>, <c>@handle</c>.</summary>
    public required string Target { get; set; }
    /// <summary>The rest in a few words (the day a paper was featured on, the role given), or null.</summary>
    public string? Detail { get; set; }
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string Featured = "featured";
    public const string Unfeatured = "took off its day";
    public const string Hid = "hid";
    public const string Showed = "showed again";
    public const string HidComment = "hid";
    public const string Resent = "sent again";
    public const string AddedAccount = "added the account";
}
