using Paperboy.Papers.Lists;

namespace Paperboy.Tests.Papers.Lists;

public sealed class ListPeriodTests
{
    [Theory]
    [InlineData("2026-W01", "2025-12-29", "2026-01-04", "2025-W52", "2026-W02")]
    [InlineData("2026-W53", "2026-12-28", "2027-01-03", "2026-W52", "2027-W01")]
    [InlineData("2020-W53", "2020-12-28", "2021-01-03", "2020-W52", "2021-W01")]
    [InlineData("2026-w34", "2026-08-17", "2026-08-23", "2026-W33", "2026-W35")]
    public void AnIsoWeekRunsMondayToSundayAndStepsAcrossYears(string text, string first, string last, string prev, string next)
    {
        var week = ListPeriod.TryParseWeek(text, out _)!.Value;

        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), (week.First, week.Last));
        Assert.Equal((prev, next), (week.Previous.Key, week.Next.Key));
    }

    [Theory]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "2024-01", "2024-03")]
    [InlineData("2026-12", "2026-12-01", "2026-12-31", "2026-11", "2027-01")]
    public void AMonthCoversItsDays(string text, string first, string last, string prev, string next)
    {
        var month = ListPeriod.TryParseMonth(text, out _)!.Value;

        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), (month.First, month.Last));
        Assert.Equal((prev, next), (month.Previous.Key, month.Next.Key));
        Assert.Equal($"/papers/month/{text}", month.Path);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-2-3")]
    [InlineData("20260821")]
    [InlineData("0001-01-01")]
    [InlineData("")]
    [InlineData(" 2026-08-21")]
    public void NotADay(string text) => Assert.Null(ListPeriod.TryParseDay(text, out _));

    [Theory]
    [InlineData("2026-W00")]
    [InlineData("2026-W54")]
    [InlineData("2025-W53")]
    [InlineData("2026W34")]
    [InlineData("2026-34")]
    [InlineData("2026-W+1")]
    public void NotAWeek(string text) => Assert.Null(ListPeriod.TryParseWeek(text, out _));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-8")]
    [InlineData("2026-08-01")]
    public void NotAMonth(string text) => Assert.Null(ListPeriod.TryParseMonth(text, out _));
}
