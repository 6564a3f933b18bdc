namespace Paperboy.Ingest.Schedules;

/// <summary>When the scheduled imports run next: pure functions of the current time, so tests can pin them down.</summary>
public static class ImportSchedule
{
    /// <summary>arXiv announces new papers at 20:00 US Eastern, Sunday to Thursday; we ask a little after.</summary>
    public static readonly TimeOnly ArxivRunTime = new(20, 30);
    static readonly DayOfWeek[] AnnouncementDays = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    public static TimeZoneInfo Eastern { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The next full hour strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextHour(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
    }

    /// <summary>The next 20:30 New York time on a Sunday–Thursday strictly after <paramref name="now"/> (daylight saving included).</summary>
    public static DateTimeOffset NextArxivAnnouncement(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Eastern);
        for (var day = DateOnly.FromDateTime(local.DateTime); ; day = day.AddDays(1))
        {
            if (!AnnouncementDays.Contains(day.DayOfWeek)) continue;
            var wall = day.ToDateTime(ArxivRunTime, DateTimeKind.Unspecified);
            var at = new DateTimeOffset(wall, Eastern.GetUtcOffset(wall));
            if (at > now) return at.ToUniversalTime();
        }
    }
}
