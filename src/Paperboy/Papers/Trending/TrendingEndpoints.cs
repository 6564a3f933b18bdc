using Microsoft.Extensions.Options;
using Paperboy.Community;
using Paperboy.Papers.Lists;
using Paperboy.Web;

namespace Paperboy.Papers.Trending;

/// <summary>Trending: the page, the API list, and the About page that publishes the formula.</summary>
public static class TrendingEndpoints
{
    public static async Task<IResult> PageAsync(TrendingRanker trending, IOptions<CommunityOptions> options, CancellationToken ct)
    {
        // Each button finds the viewer's vote in their votes kept in memory (Community's ViewerVotes).
        var entries = await trending.ListAsync(0, 50, ct);
        return Pages.Render<TrendingPage>(new { Entries = entries, HalfLifeHours = options.Value.TrendingHalfLifeHours });
    }

    public static async Task<IResult> ListAsync(string? p, string? limit, TrendingRanker trending, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var page = QueryNumber.Read(p, "p", 0, QueryNumber.MaxPage, 0, errors);
        var size = QueryNumber.Read(limit, "limit", 1, 100, 50, errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        return TypedResults.Ok((await trending.ListAsync(page, size, ct)).Select(TrendingPaper.Entry));
    }

    /// <summary><c>/papers/trending/feed.atom</c>: the first page of the trending list, best first, through the lists' Atom writer.</summary>
    public static async Task<IResult> FeedAsync(HttpRequest request, TrendingRanker trending, CancellationToken ct)
    {
        var entries = await trending.ListAsync(0, 50, ct);
        var updated = entries.Count > 0 ? entries.Max(e => e.Featured.FeaturedAt) : DateTime.UnixEpoch;
        return AtomWriter.Result(AtomFeeds.Feed(entries.Select(e => e.Featured), "Paperboy: trending papers", updated,
            AtomFeeds.Absolute(request, TrendingPage.Path), AtomFeeds.Absolute(request, TrendingPage.FeedPath)));
    }

    public static IResult About(IOptions<CommunityOptions> options) =>
        Pages.Render<AboutPage>(new { HalfLifeHours = options.Value.TrendingHalfLifeHours, WindowDays = options.Value.TrendingWindowDays });
}
