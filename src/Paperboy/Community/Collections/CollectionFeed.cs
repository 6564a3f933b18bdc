using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>A public collection as an Atom feed: its papers, newest saved first, each with its owner's note before the abstract.</summary>
public static class CollectionFeed
{
    public static AtomFeed Of(CollectionView view, string origin)
    {
        var c = view.Collection;
        var feedUrl = origin + CollectionPaths.Feed(view.OwnerHandle, c.Id);
        return new AtomFeed(feedUrl, $"{c.Name} (a collection of @{view.OwnerHandle})", c.UpdatedAt, origin + view.PagePath, feedUrl, view.OwnerHandle,
            view.Items.Take(100).Select(i => new AtomEntry($"{origin}{view.PagePath}#{i.Paper.Id}", i.Paper.Title, $"{origin}/papers/{i.Paper.Id}",
                i.AddedAt, i.UpdatedAt, i.Paper.Authors.Take(20).ToList(), i.Note.Length > 0 ? $"{i.Note}\n\n{i.Paper.Abstract}" : i.Paper.Abstract)
            {
                Categories = [.. i.Tags],
                Related = $"https://arxiv.org/abs/{i.Paper.Id}",
            }).ToList());
    }
}
