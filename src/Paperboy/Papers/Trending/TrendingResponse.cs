namespace Paperboy.Papers.Trending;

/// <summary>A trending entry in HF's daily-papers shape, plus its score.</summary>
public sealed record TrendingResponse(TrendingPaper Paper, string Title, string Summary, DateTime PublishedAt, int NumComments,
    string? SubmittedBy, double Score);

public sealed record TrendingPaper(string Id, IReadOnlyList<TrendingAuthor> Authors, DateTime PublishedAt, DateTime SubmittedOnDailyAt,
    string Title, string Summary, int Upvotes, string? GithubRepo, int? GithubStars, string? ProjectPage, double Score)
{
    public static TrendingResponse Entry(TrendingEntry e)
    {
        var p = e.Paper;
        var paper = new TrendingPaper(p.Id, p.Authors.Select(a => new TrendingAuthor(a)).ToList(), p.PublishedAt,
            e.Featured.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), p.Title, p.Abstract, p.Upvotes, p.GithubRepo, p.GithubStars,
            p.ProjectPage, Math.Round(e.Score, 4));
        return new TrendingResponse(paper, p.Title, p.Abstract, p.PublishedAt, p.CommentCount + p.ImportedComments, e.Featured.SubmittedBy,
            Math.Round(e.Score, 4));
    }
}

public sealed record TrendingAuthor(string Name);
