using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Search;

/// <summary>One result of <c>/api/papers/search</c> in Hugging Face's shape: <c>{"paper":{...},"numComments":n}</c>.</summary>
public sealed record SearchJson(HfPaper Paper, string Title, string Summary, string PublishedAt, int NumComments)
{
    public static SearchJson From(Paper p) =>
        new(HfPaper.From(p, featured: null), p.Title, p.Abstract, HfPaper.Timestamp(p.PublishedAt), p.CommentCount + p.ImportedComments);
}
