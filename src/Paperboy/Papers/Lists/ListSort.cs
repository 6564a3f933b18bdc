using Paperboy.Storage;
namespace Paperboy.Papers.Lists;

/// <summary>
/// The orders a list can be asked for (<c>sort=</c> in the API), each with its query. A new order (trending) is one more
/// entry in <see cref="All"/>.
/// </summary>
public sealed record ListSort(string Name, Func<IQueryable<FeaturedPaper>, IOrderedQueryable<FeaturedPaper>> Apply)
{
    /// <summary>
    /// HF's order of a daily list (and the default): most upvoted first (imported plus local); ties by the entry's
    /// <c>publishedAt</c>, newest first (HF's own for imported entries, else the paper's), then in HF's order (its place on
    /// HF's list at the last import), then in the order they were featured. Every recorded HF day is in this order.
    /// </summary>
    public static readonly ListSort Upvotes = new("upvotes", q => q
        .OrderByDescending(f => f.Paper!.ImportedUpvotes + f.Paper.LocalUpvotes)
        .ThenByDescending(f => f.PublishedAt ?? f.Paper!.PublishedAt)
        .ThenBy(f => f.HfPosition ?? int.MaxValue)
        .ThenBy(f => f.FeaturedAt).ThenBy(f => f.PaperId));

    /// <summary>Newest arXiv submission first.</summary>
    public static readonly ListSort PublishedAt = new("publishedAt", q => q
        .OrderByDescending(f => f.Paper!.PublishedAt)
        .ThenBy(f => f.PaperId));

    /// <summary>
    /// The trending formula (docs/trending.md); its decay is applied in memory by Community's TrendingRanker, this
    /// order (votes plus twice the comments, newest day first) only picks the rows.
    /// </summary>
    public static readonly ListSort Trending = new("trending", q => q
        .OrderByDescending(f => f.Paper!.ImportedUpvotes + f.Paper.LocalUpvotes + 2 * (f.Paper.CommentCount + f.Paper.ImportedComments))
        .ThenByDescending(f => f.Day).ThenBy(f => f.PaperId));

    public static readonly IReadOnlyList<ListSort> All = [PublishedAt, Upvotes, Trending];

    public static ListSort? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
