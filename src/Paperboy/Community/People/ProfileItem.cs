using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>A paper on a profile and when the person acted on it.</summary>
public sealed record ProfileItem(Paper Paper, DateTime At);
