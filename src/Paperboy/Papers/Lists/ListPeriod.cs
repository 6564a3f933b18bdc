using System.Globalization;

namespace Paperboy.Papers.Lists;

/// <summary>
/// The span of days one list covers: a day (<c>2026-08-21</c>), an ISO week (<c>2026-W34</c>) or a month (<c>2026-08</c>).
/// The one parser shared by the pages, the feeds and the API, so they accept and refuse the same things.
/// </summary>
public readonly record struct ListPeriod(ListPeriodKind Kind, DateOnly First, DateOnly Last)
{
    // Keeps Previous/Next of any accepted period inside DateOnly's range.
    const int MinYear = 1000, MaxYear = 9998;

    public static ListPeriod Day(DateOnly day) => new(ListPeriodKind.Day, day, day);

    public static ListPeriod Week(int isoYear, int week)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday));
        return new(ListPeriodKind.Week, monday, monday.AddDays(6));
    }

    public static ListPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(ListPeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The week or month containing <paramref name="day"/>.</summary>
    public static ListPeriod Containing(ListPeriodKind kind, DateOnly day) => kind switch
    {
        ListPeriodKind.Week => Week(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
        ListPeriodKind.Month => Month(day.Year, day.Month),
        _ => Day(day),
    };

    /// <summary>Null with a message a person can act on when <paramref name="text"/> is not a day <c>YYYY-MM-DD</c>.</summary>
    public static ListPeriod? TryParseDay(string? text, out string error)
    {
        error = $"'{text}' is not a date; expected YYYY-MM-DD, e.g. 2026-08-21.";
        if (text is null || text.Length != 10) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
        if (day.Year is < MinYear or > MaxYear) return null;
        error = "";
        return Day(day);
    }

    /// <summary>Null with a message when <paramref name="text"/> is not an ISO week <c>YYYY-Www</c> (W01 to W52 or W53).</summary>
    public static ListPeriod? TryParseWeek(string? text, out string error)
    {
        error = $"'{text}' is not an ISO week; expected YYYY-Www, e.g. 2026-W34.";
        if (text is not { Length: 8 } || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')) return null;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)) return null;
        if (year is < MinYear or > MaxYear || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            if (year is >= MinYear and <= MaxYear) error = $"'{text}': {year} has weeks W01 to W{ISOWeek.GetWeeksInYear(year):00}.";
            return null;
        }
        error = "";
        return Week(year, week);
    }

    /// <summary>Null with a message when <paramref name="text"/> is not a month <c>YYYY-MM</c>.</summary>
    public static ListPeriod? TryParseMonth(string? text, out string error)
    {
        error = $"'{text}' is not a month; expected YYYY-MM, e.g. 2026-08.";
        if (text is not { Length: 7 } || text[4] != '-') return null;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)) return null;
        if (year is < MinYear or > MaxYear || month is < 1 or > 12) return null;
        error = "";
        return Month(year, month);
    }

    /// <summary>The route segment: <c>2026-08-21</c>, <c>2026-W34</c>, <c>2026-08</c>.</summary>
    public string Key => Kind switch
    {
        ListPeriodKind.Week => $"{ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue)):0000}-W{ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue)):00}",
        ListPeriodKind.Month => First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public string Path => $"/papers/{KindSegment}/{Key}";
    public string FeedPath => $"{Path}/feed.atom";

    string KindSegment => Kind switch { ListPeriodKind.Week => "week", ListPeriodKind.Month => "month", _ => "date" };

    /// <summary>"Thursday, August 21, 2026", "Week 34 of 2026 (Aug 17 – Aug 23)", "August 2026".</summary>
    public string Label => Kind switch
    {
        ListPeriodKind.Week => $"Week {Key[6..]} of {Key[..4]} ({First.ToString("MMM d", CultureInfo.InvariantCulture)} – {Last.ToString("MMM d", CultureInfo.InvariantCulture)})",
        ListPeriodKind.Month => First.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => First.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture),
    };

    public ListPeriod Previous => Containing(Kind, First.AddDays(-1));
    public ListPeriod Next => Containing(Kind, Last.AddDays(1));
}
