using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Paperboy.Storage;

namespace Paperboy.Web;

/// <summary>The latest import run of each source, for the line every page shows; read at most every few seconds.</summary>
/// <remarks>Keyed by <see cref="DataVersion"/>, which every import bumps when it ends, so a run in this process shows at once.</remarks>
public sealed class LatestImports(IServiceScopeFactory scopes, IMemoryCache cache, DataVersion version)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<ImportRun>> ListAsync(CancellationToken ct)
    {
        var key = (typeof(LatestImports), version.Current);
        if (cache.TryGetValue(key, out IReadOnlyList<ImportRun>? runs)) return runs!;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var latestIds = await db.Set<ImportRun>().GroupBy(r => r.Source).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        runs = await db.Set<ImportRun>().Where(r => latestIds.Contains(r.Id)).OrderBy(r => r.Source).ToListAsync(ct);
        cache.Set(key, runs, Lifetime);
        return runs;
    }
}
