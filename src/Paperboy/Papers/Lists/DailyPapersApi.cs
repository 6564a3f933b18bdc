using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Paperboy.Papers.Trending;
using Paperboy.Web;

namespace Paperboy.Papers.Lists;

/// <summary>
/// <c>GET /api/daily_papers</c>: the featured papers in Hugging Face's shape, filtered and paged like hf.co, and without
/// <c>sort</c> a period's papers in hf.co's order (<see cref="ListSort.Upvotes"/>).
/// </summary>
public static class DailyPapersApi
{
    public const int DefaultLimit = 50, MaxLimit = 100;

    public static async Task<Results<Ok<List<HfDailyPaper>>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? date, [FromQuery] string? week, [FromQuery] string? month, [FromQuery] string? p,
        [FromQuery] string? limit, [FromQuery] string? submitter, [FromQuery] string? sort,
        FeaturedStore store, TrendingRanker trending, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var period = Period(date, week, month, errors);
        var page = QueryNumber.Read(p, "p", 0, QueryNumber.MaxPage, 0, errors);
        var take = QueryNumber.Read(limit, "limit", 1, MaxLimit, DefaultLimit, errors);
        // hf.co's order for a day, week or month; across every day, newest first (all-time votes would bury new papers).
        var order = ListSort.Find(sort ?? (period is null ? ListSort.PublishedAt : ListSort.Upvotes).Name);
        if (order is null)
            errors["sort"] = [$"'{sort}' is not a sort order; use one of: {string.Join(", ", ListSort.All.Select(s => s.Name))}."];
        if (submitter is { Length: 0 or > 100 }) errors["submitter"] = ["Give a user name of 1 to 100 characters."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        if (order == ListSort.Trending) return TypedResults.Ok(await TrendingAsync(store, trending, period, page, take, submitter, ct));
        var rows = await store.ListAsync(new ListQuery(period, order!, page * take, take, submitter), ct);
        return TypedResults.Ok(rows.Select(HfDailyPaper.From).ToList());
    }

    /// <summary>Without a period, the trending list itself; with one, that period's papers ranked by the same formula.</summary>
    static async Task<List<HfDailyPaper>> TrendingAsync(FeaturedStore store, TrendingRanker trending, ListPeriod? period, int page, int take,
        string? submitter, CancellationToken ct)
    {
        var ranked = period is null && submitter is null
            ? await trending.ListAsync(page, take, ct)
            : (await trending.RankAsync(await store.ListAsync(new ListQuery(period, ListSort.Trending, 0, int.MaxValue, submitter), ct), ct))
                .Skip(page * take).Take(take).ToList();
        return ranked.Select(e => HfDailyPaper.From(e.Featured) with { Score = Math.Round(e.Score, 4) }).ToList();
    }

    static ListPeriod? Period(string? date, string? week, string? month, Dictionary<string, string[]> errors)
    {
        var given = new[] { ("date", date), ("week", week), ("month", month) }.Where(x => x.Item2 is not null).ToList();
        if (given.Count > 1)
        {
            foreach (var (name, _) in given) errors[name] = ["Give only one of date, week and month."];
            return null;
        }
        if (given.Count == 0) return null;
        var (param, text) = given[0];
        var period = param switch
        {
            "date" => ListPeriod.TryParseDay(text, out var e1) is { } d ? d : Fail(e1),
            "week" => ListPeriod.TryParseWeek(text, out var e2) is { } w ? w : Fail(e2),
            _ => ListPeriod.TryParseMonth(text, out var e3) is { } m ? m : Fail(e3),
        };
        return period;

        ListPeriod? Fail(string message)
        {
            errors[param] = [message];
            return null;
        }
    }
}
