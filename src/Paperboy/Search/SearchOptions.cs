using System.ComponentModel.DataAnnotations;
using Paperboy.Search.Meaning;
namespace Paperboy.Search;

/// <summary>Section <c>Paperboy:Search</c>.</summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string Section = "Paperboy:Search";

    /// <summary>The embedding model: <c>arctic-xs</c> (chosen by measured quality, docs/benchmarks.md) or <c>minilm</c>.</summary>
    public string Model { get; set; } = "arctic-xs";

    /// <summary>Compute missing vectors in the background while serving.</summary>
    public bool Backfill { get; set; } = true;

    /// <summary>How long the back-fill sleeps when every paper has its vector.</summary>
    [Range(1, 86_400)] public int PollSeconds { get; set; } = 30;

    /// <summary>How often the keyword indexer (SQLite) looks for papers a bulk import queued.</summary>
    [Range(0.05, 3600)] public double IndexPollSeconds { get; set; } = 2;

    /// <summary>Papers embedded per model run.</summary>
    [Range(1, 1024)] public int BatchSize { get; set; } = 16;

    /// <summary>ONNX Runtime intra-op threads (two roughly double throughput on a 2-core machine).</summary>
    [Range(1, 256)] public int IntraOpThreads { get; set; } = 2;

    public EmbeddingModel ResolveModel() => EmbeddingModel.Find(Model)
        ?? throw new InvalidOperationException(ModelProblem);

    string ModelProblem => $"Paperboy:Search:Model is '{Model}'; use 'arctic-xs' or 'minilm'.";

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (EmbeddingModel.Find(Model) is null) yield return new ValidationResult(ModelProblem, [nameof(Model)]);
    }
}
