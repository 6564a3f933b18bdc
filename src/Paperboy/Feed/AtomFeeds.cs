using Paperboy.Web;

namespace Paperboy.Feed;

/// <summary>The handlers of the Atom feeds: <c>{list page}/feed.atom</c> for every day, week and month, and <c>/papers/feed.atom</c>.</summary>
public static class AtomFeeds
{
    const string ContentType = "application/atom+xml; charset=utf-8";

    public static async Task<IResult> LatestAsync(HttpRequest request, PeriodListCache lists, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var day = await lists.FindLatestDayAsync(today, ct) ?? today;
        var list = await lists.GetAsync(ListPeriod.Day(day), ct);
        return Results.Text(AtomFeedWriter.Write(list, "Paperboy: daily papers", Absolute(request, "/papers"), Absolute(request, "/papers/feed.atom")), ContentType);
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
        var atom = AtomFeedWriter.Write(list, $"Paperboy: {p.Label}", Absolute(request, p.Path), Absolute(request, p.FeedPath));
        return Results.Text(atom, ContentType);
    }

    static Uri Absolute(HttpRequest request, string path) => new($"{request.Scheme}://{request.Host}{path}");
}
