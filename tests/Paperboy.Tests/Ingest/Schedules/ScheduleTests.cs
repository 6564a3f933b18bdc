using Paperboy.Ingest.Schedules;

namespace Paperboy.Tests.Ingest.Schedules;

public sealed class ScheduleTests
{
    static DateTimeOffset Utc(string s) => DateTimeOffset.Parse(s + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-26T23:40:00", "2026-11-27T00:00:00")]
    [InlineData("2026-11-26T23:00:00", "2026-11-27T00:00:00")]
    [InlineData("2026-11-26T08:59:59", "2026-11-26T09:00:00")]
    public void TheHfImportRunsAtTheNextFullHour(string now, string next) => Assert.Equal(Utc(next), ImportSchedule.NextHour(Utc(now)));

    [Theory]
    // Thursday 26 Nov 2026, 18:40 in New York (EST, UTC-5): tonight at 20:30 EST.
    [InlineData("2026-11-26T23:40:00", "2026-11-27T01:30:00")]
    // Friday 27 Nov, 21:00 EST: no announcement Friday or Saturday; Sunday 29 Nov 20:30 EST.
    [InlineData("2026-11-28T02:00:00", "2026-11-30T01:30:00")]
    // Thursday in July (EDT, UTC-4), just after 20:30: Sunday.
    [InlineData("2026-07-10T00:31:00", "2026-07-13T00:30:00")]
    // Sunday 8 Mar 2026 is the day clocks go forward: 20:30 EDT.
    [InlineData("2026-03-08T12:00:00", "2026-03-09T00:30:00")]
    public void TheArxivImportRunsAfterTheNextAnnouncementSundayToThursdayNewYorkTime(string now, string next) =>
        Assert.Equal(Utc(next), ImportSchedule.NextArxivAnnouncement(Utc(now)));
}
