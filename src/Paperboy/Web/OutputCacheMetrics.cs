using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.OutputCaching;

namespace Paperboy.Web;

/// <summary>
/// Meter <c>Paperboy.Web</c>: every cacheable request counted as a hit (served from the output cache) or a miss
/// (rendered, then stored). ASP.NET Core's output cache measures neither, and its hit rate is what tells an operator
/// whether the lists are served from memory. A base policy sees every request; it changes nothing about caching.
/// </summary>
public sealed class OutputCacheMetrics : IOutputCachePolicy
{
    public const string MeterName = "Paperboy.Web";

    readonly Counter<long> _requests;

    public OutputCacheMetrics(IMeterFactory meters) =>
        _requests = meters.Create(MeterName).CreateCounter<long>("paperboy.output_cache.requests", "{request}",
            "Cacheable requests, by result: hit (served from the output cache) or miss (rendered and stored).");

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct)
    {
        Count("hit");
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        if (context.EnableOutputCaching && context.AllowCacheLookup) Count("miss");
        return ValueTask.CompletedTask;
    }

    void Count(string result) => _requests.Add(1, new KeyValuePair<string, object?>("result", result));
}
