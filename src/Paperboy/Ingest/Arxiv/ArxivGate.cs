using Microsoft.Extensions.Options;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// arXiv's politeness rule for every arXiv host (query API and OAI-PMH alike): one request at a time, and the next
/// one no sooner than <see cref="ArxivOptions.RequestInterval"/> after the previous one ended. One gate per process;
/// the HTTP handler also keeps one connection per server.
/// </summary>
public sealed class ArxivGate(IOptions<ArxivOptions> options, TimeProvider time)
{
    readonly SemaphoreSlim _one = new(1, 1);
    DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Runs <paramref name="request"/> when its turn comes.</summary>
    public async Task<T> SendAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            var wait = _next - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
            try { return await request(ct); }
            finally { _next = time.GetUtcNow() + options.Value.RequestInterval; }
        }
        finally { _one.Release(); }
    }

    /// <summary>The server asked to wait (Retry-After): no request before then.</summary>
    public void Defer(TimeSpan delay)
    {
        var until = time.GetUtcNow() + delay;
        if (until > _next) _next = until;
    }
}
