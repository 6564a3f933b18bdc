using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Paperboy.Search.Meaning;

/// <summary>
/// The configured model's <see cref="Embedder"/>, loaded on first use (about a second and ~200 MB) and kept for
/// the life of the process; hosts in one process (tests) share it.
/// </summary>
public sealed class EmbedderProvider(IOptions<SearchOptions> options)
{
    static readonly ConcurrentDictionary<(string, int), Lazy<Embedder>> Loaded = new();

    public EmbeddingModel Model => options.Value.ResolveModel();

    /// <summary>Whether the configured model is loaded in this process.</summary>
    public bool IsLoaded
    {
        get
        {
            var o = options.Value;
            return Loaded.TryGetValue((o.ResolveModel().Name, o.IntraOpThreads), out var lazy) && lazy.IsValueCreated;
        }
    }

    public Embedder Get()
    {
        var o = options.Value;
        var model = o.ResolveModel();
        return Loaded.GetOrAdd((model.Name, o.IntraOpThreads), _ => new Lazy<Embedder>(() => new Embedder(model, o.IntraOpThreads))).Value;
    }
}
