using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Papers.Lists;

/// <summary>Reads the daily lists: featured papers of a span of days, never hidden ones, with their papers.</summary>
public sealed class FeaturedStore(PaperboyDb db)
{
    public async Task<List<FeaturedPaper>> ListAsync(ListQuery query, CancellationToken ct)
    {
        var rows = Visible();
        if (query.Period is { } period) rows = rows.Where(f => f.Day >= period.First && f.Day <= period.Last);
        if (query.Submitter is { } submitter) rows = rows.Where(f => f.SubmittedBy == submitter);
        IQueryable<FeaturedPaper> ordered = query.Sort.Apply(rows);
        if (query.Skip > 0) ordered = ordered.Skip(query.Skip);
        if (query.Take != int.MaxValue) ordered = ordered.Take(query.Take);
        return await ordered.Include(f => f.Paper).ToListAsync(ct);
    }

    /// <summary>The last day before <paramref name="day"/> with a visible paper, or null.</summary>
    public Task<DateOnly?> FindDayBeforeAsync(DateOnly day, CancellationToken ct) =>
        Visible().Where(f => f.Day < day).MaxAsync(f => (DateOnly?)f.Day, ct);

    /// <summary>The first day after <paramref name="day"/> with a visible paper, or null.</summary>
    public Task<DateOnly?> FindDayAfterAsync(DateOnly day, CancellationToken ct) =>
        Visible().Where(f => f.Day > day).MinAsync(f => (DateOnly?)f.Day, ct);

    /// <summary>The latest day on or before <paramref name="day"/> with a visible paper, or null when there is none.</summary>
    public Task<DateOnly?> FindLatestDayAsync(DateOnly day, CancellationToken ct) =>
        Visible().Where(f => f.Day <= day).MaxAsync(f => (DateOnly?)f.Day, ct);

    IQueryable<FeaturedPaper> Visible() => db.Set<FeaturedPaper>().Where(f => !f.Paper!.Hidden);
}
