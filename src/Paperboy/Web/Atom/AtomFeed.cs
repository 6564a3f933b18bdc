namespace Paperboy.Web;

/// <summary>An Atom 1.0 feed (RFC 4287) as every list, search and profile writes it; <see cref="AtomWriter"/> writes it.</summary>
public sealed record AtomFeed(string Id, string Title, DateTime Updated, string PageUrl, string FeedUrl, string Author, IReadOnlyList<AtomEntry> Entries);

/// <summary>One entry: a paper, linked to its page on this site (and, when given, to arXiv).</summary>
public sealed record AtomEntry(string Id, string Title, string Link, DateTime? Published, DateTime Updated, IReadOnlyList<string> Authors, string Summary)
{
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>A <c>rel="related"</c> link, e.g. the paper on arXiv.</summary>
    public string? Related { get; init; }
}
