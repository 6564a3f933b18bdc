using System.Diagnostics;
using Microsoft.Extensions.Options;
using Paperboy.Storage;

namespace Paperboy.Search.Meaning;

/// <summary>
/// Computes the vectors of papers that have none (after an import, or after an edit cleared them), stores them and
/// adds them to the in-memory <see cref="VectorIndex"/>. The same code runs in the background while serving and in
/// <c>paperboy embed</c>.
/// </summary>
public sealed class EmbeddingBackfill(IServiceScopeFactory scopes, EmbedderProvider embedders, VectorIndex index,
    EmbeddingProgress progress, ClusterSignals signals, IOptions<SearchOptions> options, ILogger<EmbeddingBackfill> log)
{
    /// <summary>The message that tells other instances new vectors are stored (they load them at once).</summary>
    public const string VectorsStored = "vectors";

    /// <summary>How far back <see cref="LoadNewAsync"/> looks before the newest vector it has seen: a batch stamped
    /// earlier may still have been committing.</summary>
    static readonly TimeSpan CommitMargin = TimeSpan.FromMinutes(1);

    /// <summary>The newest stored vector this instance has loaded.</summary>
    DateTime? _loadedUpTo;

    /// <summary>How many of the newest papers each batch looks at first, so that a new paper gets its vector (related
    /// papers, search by meaning) within a batch or two even behind a back-log of a million older ones.</summary>
    public const int NewestWindow = 10_000;

    /// <summary>Where the previous batch of the back-log stopped (published_at, id): the next one goes on below it.</summary>
    (object At, string Id)? _after;

    /// <summary>Loads every stored vector of the configured model into the index.</summary>
    public async Task<int> LoadIndexAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<EmbeddingStore>();
        var (n, newest) = await store.LoadAsync(embedders.Model.Name, null, (id, v) => index.Upsert(id, v), ct);
        _loadedUpTo = newest ?? DateTime.UtcNow - CommitMargin;
        progress.IndexLoaded = true;
        log.LogInformation("loaded {Vectors} vectors of {Model} into the search index", n, embedders.Model.Name);
        RebuildIndexIfDue();
        return n;
    }

    /// <summary>Loads the vectors stored since the last load (by another instance, or <c>paperboy embed</c>); returns how many.</summary>
    public async Task<int> LoadNewAsync(CancellationToken ct)
    {
        if (_loadedUpTo is not { } upTo) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<EmbeddingStore>();
        var (n, newest) = await store.LoadAsync(embedders.Model.Name, upTo - CommitMargin, (id, v) => index.Upsert(id, v), ct);
        if (newest > upTo) _loadedUpTo = newest;
        if (n > 0) RebuildIndexIfDue();
        return n;
    }

    /// <summary>Embeds one batch of papers without vectors; returns how many (0 when all are done).</summary>
    public async Task<int> RunBatchAsync(int batchPapers, CancellationToken ct)
    {
        var model = embedders.Model;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<EmbeddingStore>();
        // Newest first: the latest papers, then the back-log from where the last batch of it stopped.
        var missing = await store.ListMissingAsync(model.Name, batchPapers, ct, window: NewestWindow);
        if (missing.Count == 0)
        {
            missing = await store.ListMissingAsync(model.Name, batchPapers, ct, after: _after);
            if (missing.Count == 0 && _after is not null)
            {
                _after = null; // round again from the newest: vectors cleared by an edit may sit behind the cursor
                missing = await store.ListMissingAsync(model.Name, batchPapers, ct);
            }
            if (missing.Count > 0) _after = (missing[^1].At, missing[^1].Id);
        }
        if (missing.Count == 0) return 0;
        var clock = Stopwatch.StartNew();
        var embedder = embedders.Get();
        var texts = missing.Select(p => EmbeddingModel.PaperText(p.Title, p.Abstract)).ToList();
        var vectors = await Task.Run(() => embedder.Embed(texts, options.Value.BatchSize, ct), ct);
        var rows = missing.Select((p, i) => (p.Id, vectors[i])).ToList();
        await store.SaveAsync(model.Name, rows, ct);
        signals.Publish(VectorsStored);
        foreach (var (id, v) in rows) index.Upsert(id, v);
        progress.Add(rows.Count);
        progress.PapersPerSecond = rows.Count / clock.Elapsed.TotalSeconds;
        progress.LastBatchAt = DateTime.UtcNow;
        log.LogInformation("embedded {Papers} papers with {Model} at {Rate:F1}/s", rows.Count, model.Name, progress.PapersPerSecond);
        RebuildIndexIfDue();
        return rows.Count;
    }

    /// <summary>Starts the approximate index's (re)build in the background when it is due; searches go on meanwhile.</summary>
    void RebuildIndexIfDue()
    {
        var clock = Stopwatch.StartNew();
        index.RebuildIfDue()?.ContinueWith(t =>
        {
            if (t.IsFaulted) log.LogError(t.Exception, "building the vector index failed; searches keep scanning every vector");
            else log.LogInformation("built the vector index: {Lists} lists over {Vectors} vectors in {Seconds:F1} s", t.Result.Lists, t.Result.BuiltOver, clock.Elapsed.TotalSeconds);
        }, TaskScheduler.Default);
    }

    public async Task<(long Papers, long Embedded)> CountAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmbeddingStore>().CountAsync(embedders.Model.Name, ct);
    }
}
