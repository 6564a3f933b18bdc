namespace Paperboy.Digest;

/// <summary>The same answer for every valid request, known address or not.</summary>
public sealed record SubscriptionAccepted(string Status, string Message);
