using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Paperboy.Storage;

namespace Paperboy.Papers.Lists;

/// <summary>
/// The lists the pages and feeds show, built once per <see cref="DataVersion"/> stamp and kept for
/// <see cref="FeedOptions.CacheLifetime"/>: a day page is read many times for each time it changes.
/// </summary>
public sealed class PeriodListCache(IServiceScopeFactory scopes, IMemoryCache cache, DataVersion version, IOptions<FeedOptions> options)
{
    public async Task<PeriodList> GetAsync(ListPeriod period, CancellationToken ct)
    {
        var key = (period, version.Current);
        if (cache.TryGetValue(key, out PeriodList? list)) return list!;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<FeaturedStore>();
        var entries = await store.ListAsync(new ListQuery(period, ListSort.Upvotes), ct);
        var before = await store.FindDayBeforeAsync(period.First, ct);
        var after = await store.FindDayAfterAsync(period.Last, ct);
        list = new PeriodList(period, entries, before, after);
        cache.Set(key, list, options.Value.CacheLifetime);
        return list;
    }

    /// <summary>The latest day on or before <paramref name="today"/> that has papers, or null when no day has any.</summary>
    public async Task<DateOnly?> FindLatestDayAsync(DateOnly today, CancellationToken ct)
    {
        var key = ("latest", today, version.Current);
        if (cache.TryGetValue(key, out DateOnly? day)) return day;
        await using var scope = scopes.CreateAsyncScope();
        day = await scope.ServiceProvider.GetRequiredService<FeaturedStore>().FindLatestDayAsync(today, ct);
        cache.Set(key, day, options.Value.CacheLifetime);
        return day;
    }
}
