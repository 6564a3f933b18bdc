using Paperboy.Domain;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Papers.Lists;

/// <summary>The handlers of the Atom feeds: <c>{list page}/feed.atom</c> for every day, week and month, and <c>/papers/feed.atom</c>.</summary>
public static class AtomFeeds
{
    public static async Task<IResult> LatestAsync(HttpRequest request, PeriodListCache lists, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var day = await lists.FindLatestDayAsync(today, ct) ?? today;
        var list = await lists.GetAsync(ListPeriod.Day(day), ct);
        return AtomWriter.Result(Feed(list, "Paperboy: daily papers", Absolute(request, "/papers"), Absolute(request, "/papers/feed.atom")));
    }

    public static Task<IResult> DayAsync(string date, HttpRequest request, PeriodListCache lists, CancellationToken ct) =>
        WriteAsync(ListPeriod.TryParseDay(date, out var error), error, request, lists, ct);

    public static Task<IResult> WeekAsync(string week, HttpRequest request, PeriodListCache lists, CancellationToken ct) =>
        WriteAsync(ListPeriod.TryParseWeek(week, out var error), error, request, lists, ct);

    public static Task<IResult> MonthAsync(string month, HttpRequest request, PeriodListCache lists, CancellationToken ct) =>
        WriteAsync(ListPeriod.TryParseMonth(month, out var error), error, request, lists, ct);

    static async Task<IResult> WriteAsync(ListPeriod? period, string error, HttpRequest request, PeriodListCache lists, CancellationToken ct)
    {
        if (period is not { } p) return Pages.BadRequest(error);
        var list = await lists.GetAsync(p, ct);
        return AtomWriter.Result(Feed(list, $"Paperboy: {p.Label}", Absolute(request, p.Path), Absolute(request, p.FeedPath)));
    }

    /// <summary>One entry per paper, linking to its page and to arXiv; the feed is as new as its newest featuring.</summary>
    static AtomFeed Feed(PeriodList list, string title, Uri pageUrl, Uri feedUrl)
    {
        var updated = list.Entries.Count > 0 ? list.Entries.Max(f => f.FeaturedAt) : list.Period.Last.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return Feed(list.Entries, title, updated, pageUrl, feedUrl);
    }

    /// <summary>A feed of featured papers in the given order (a period's list, the trending list), one entry per paper.</summary>
    public static AtomFeed Feed(IEnumerable<FeaturedPaper> entries, string title, DateTime updated, Uri pageUrl, Uri feedUrl)
    {
        var origin = pageUrl.GetLeftPart(UriPartial.Authority);
        return new AtomFeed(pageUrl.AbsoluteUri, title, updated, pageUrl.AbsoluteUri, feedUrl.AbsoluteUri, "Paperboy", entries.Select(f =>
        {
            var paper = f.Paper!;
            return new AtomEntry($"{origin}/papers/{paper.Id}", AbstractText.ToPlainText(paper.Title), $"{origin}/papers/{paper.Id}", f.FeaturedAt,
                f.FeaturedAt > paper.UpdatedAt ? f.FeaturedAt : paper.UpdatedAt, paper.Authors, $"{paper.Upvotes} upvotes. {AbstractText.ToPlainText(paper.Abstract)}")
            {
                Categories = paper.Categories,
                Related = $"https://arxiv.org/abs/{paper.Id}",
            };
        }).ToList());
    }

    public static Uri Absolute(HttpRequest request, string path) => new($"{request.Scheme}://{request.Host}{path}");
}
