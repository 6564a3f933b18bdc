namespace Paperboy.Papers.Lists;

/// <summary>Which featured papers a list shows: the days (or all of them), who submitted them, the order and the page.</summary>
public sealed record ListQuery(ListPeriod? Period, ListSort Sort, int Skip = 0, int Take = int.MaxValue, string? Submitter = null);
