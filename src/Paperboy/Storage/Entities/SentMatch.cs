namespace Paperboy.Storage;

/// <summary>A paper already sent to a subscriber through a watch-list; it is never sent that way again.</summary>
public sealed class SentMatch
{
    public long SubscriptionId { get; set; }
    public required string PaperId { get; set; }
    /// <summary>The digest that carried it, e.g. <c>daily:2026-08-24</c>.</summary>
    public required string DigestKey { get; set; }
}
