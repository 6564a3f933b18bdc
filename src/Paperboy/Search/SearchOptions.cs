namespace Paperboy.Search;

/// <summary>Section <c>Paperboy:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Paperboy:Search";

    /// <summary>The embedding model: <c>arctic-xs</c> (chosen by measured quality, docs/benchmarks.md) or <c>minilm</c>.</summary>
    public string Model { get; set; } = "arctic-xs";

    /// <summary>Compute missing vectors in the background while serving.</summary>
    public bool Backfill { get; set; } = true;

    /// <summary>How long the back-fill sleeps when every paper has its vector.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>How often the keyword indexer (SQLite) looks for papers a bulk import queued.</summary>
    public double IndexPollSeconds { get; set; } = 2;

    /// <summary>Papers embedded per model run.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>ONNX Runtime intra-op threads (two roughly double throughput on a 2-core machine).</summary>
    public int IntraOpThreads { get; set; } = 2;

    public EmbeddingModel ResolveModel() => EmbeddingModel.Find(Model)
        ?? throw new InvalidOperationException($"Paperboy:Search:Model is '{Model}'; use 'arctic-xs' or 'minilm'.");
}
