namespace Paperboy.Digest;

/// <summary>The body of <c>POST /api/subscriptions</c>.</summary>
public sealed record SubscriptionRequest(string? Email, string? Frequency);
