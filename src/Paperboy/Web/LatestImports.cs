using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Paperboy.Ingest;
using Paperboy.Storage;

namespace Paperboy.Web;

/// <summary>The latest import run of each source, for the line every page shows; read at most every few seconds.</summary>
public sealed class LatestImports(IServiceScopeFactory scopes, IMemoryCache cache)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    static readonly object Key = new();

    public async Task<IReadOnlyList<ImportRun>> ListAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out IReadOnlyList<ImportRun>? runs)) return runs!;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var latestIds = await db.Set<ImportRun>().GroupBy(r => r.Source).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        runs = await db.Set<ImportRun>().Where(r => latestIds.Contains(r.Id)).OrderBy(r => r.Source).ToListAsync(ct);
        cache.Set(Key, runs, Lifetime);
        return runs;
    }
}
