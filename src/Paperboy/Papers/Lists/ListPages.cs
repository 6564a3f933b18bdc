using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Web;

namespace Paperboy.Papers.Lists;

/// <summary>The handlers of the list pages: the front page, a day, an ISO week, a month.</summary>
public static class ListPages
{
    public static async Task<IResult> LatestAsync(PeriodListCache lists, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var day = await lists.FindLatestDayAsync(today, ct) ?? today;
        var list = await lists.GetAsync(ListPeriod.Day(day), ct);
        return new RazorComponentResult<ListPage>(new { List = list, Title = "Daily papers" });
    }

    public static Task<IResult> DayAsync(string date, PeriodListCache lists, CancellationToken ct) =>
        ShowAsync(ListPeriod.TryParseDay(date, out var error), error, lists, ct);

    public static Task<IResult> WeekAsync(string week, PeriodListCache lists, CancellationToken ct) =>
        ShowAsync(ListPeriod.TryParseWeek(week, out var error), error, lists, ct);

    public static Task<IResult> MonthAsync(string month, PeriodListCache lists, CancellationToken ct) =>
        ShowAsync(ListPeriod.TryParseMonth(month, out var error), error, lists, ct);

    static async Task<IResult> ShowAsync(ListPeriod? period, string error, PeriodListCache lists, CancellationToken ct)
    {
        if (period is not { } p) return Pages.BadRequest(error);
        var list = await lists.GetAsync(p, ct);
        return new RazorComponentResult<ListPage>(new { List = list });
    }
}
