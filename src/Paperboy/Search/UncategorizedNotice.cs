using Microsoft.Extensions.Caching.Memory;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Search;

/// <summary>
/// A category filter (<c>cat:</c> or the form's field) can only find papers that have arXiv categories; a paper known
/// only from Hugging Face's daily list has none until arXiv's metadata for it is imported. The search page says so.
/// </summary>
public static class UncategorizedNotice
{
    static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    /// <summary>The notice for a search with a category filter while some papers have no category, or null.</summary>
    public static async Task<string?> FindAsync(SearchFilters filters, PaperboyDb db, IMemoryCache cache, CancellationToken ct)
    {
        if (filters.Categories.Count == 0) return null;
        // A count over every paper: cached briefly, as a notice a minute old says the same thing.
        var count = await cache.GetOrCreateAsync("paperboy:search:uncategorized", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await CountAsync(db, ct);
        });
        if (count == 0) return null;
        var filter = string.Join(" ", filters.Categories.Select(c => "cat:" + c));
        return $"{filter} only finds papers with arXiv categories: {Counted.Of(count, "paper")} imported from Hugging Face alone " +
               $"{(count == 1 ? "has" : "have")} none yet, so {(count == 1 ? "it is" : "they are")} left out.";
    }

    static async Task<int> CountAsync(PaperboyDb db, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM papers WHERE categories = '[]' AND NOT hidden";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
