using Paperboy.Storage;

namespace Paperboy.Papers.Orgs;

/// <summary>
/// An organisation as its newest paper names it: <paramref name="Name"/> is HF's name (the one in addresses),
/// <paramref name="DisplayName"/> the one shown; its avatar only when http(s); one page of its featured papers of <paramref name="Total"/>.
/// </summary>
public sealed record OrgView(string Name, string DisplayName, string? Avatar, int Total, IReadOnlyList<FeaturedPaper> Entries);
