using System.Diagnostics.Metrics;

namespace Paperboy.Search.Meaning;

/// <summary>Meter <c>Paperboy.Search</c>: vectors in the in-memory index and papers embedded since start.</summary>
public sealed class EmbeddingMetrics
{
    public const string MeterName = "Paperboy.Search";

    public EmbeddingMetrics(IMeterFactory meters, VectorIndex index, EmbeddingProgress progress)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("paperboy.search.vectors", () => (long)index.Count, "{vector}", "Sentence vectors in the in-memory index that search by meaning uses.");
        meter.CreateObservableCounter("paperboy.search.embedded", () => progress.EmbeddedSinceStart, "{paper}", "Papers the back-fill embedded since the process started.");
    }
}
