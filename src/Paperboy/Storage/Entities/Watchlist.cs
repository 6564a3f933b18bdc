namespace Paperboy.Storage;

/// <summary>A saved search (<c>activation steering</c>, <c>author:Hinton</c>, <c>cat:cs.LG -diffusion</c>) whose new matches go into each digest.</summary>
public sealed class Watchlist
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public required string Query { get; set; }
    public DateTime CreatedAt { get; set; }
}
