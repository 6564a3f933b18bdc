using Paperboy.Storage;
namespace Paperboy.Papers.Lists;

/// <summary>What a list page shows: the period's papers, most upvoted first, and the nearest days around it that have papers.</summary>
public sealed record PeriodList(ListPeriod Period, IReadOnlyList<FeaturedPaper> Entries, DateOnly? DayBefore, DateOnly? DayAfter)
{
    /// <summary>Where "previous" leads: the nearest earlier day with papers for a day, the calendar week or month otherwise.</summary>
    public ListPeriod? Previous => Period.Kind == ListPeriodKind.Day
        ? DayBefore is { } d ? ListPeriod.Day(d) : null
        : Period.Previous;

    public ListPeriod? Next => Period.Kind == ListPeriodKind.Day
        ? DayAfter is { } d ? ListPeriod.Day(d) : null
        : Period.Next;
}
