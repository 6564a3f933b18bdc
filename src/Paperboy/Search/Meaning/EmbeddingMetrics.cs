using System.Diagnostics.Metrics;

namespace Paperboy.Search.Meaning;

/// <summary>Meter <c>Paperboy.Search</c>: vectors in the in-memory index, papers waiting for one, and papers embedded since start.</summary>
public sealed class EmbeddingMetrics
{
    public const string MeterName = "Paperboy.Search";

    public EmbeddingMetrics(IMeterFactory meters, VectorIndex index, EmbeddingProgress progress)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("paperboy.search.vectors", () => (long)index.Count, "{vector}", "Sentence vectors in the in-memory index that search by meaning uses.");
        meter.CreateObservableGauge("paperboy.search.backlog", () => progress.Backlog is { } n ? [new Measurement<long>(n)] : Array.Empty<Measurement<long>>(),
            "{paper}", "Papers waiting for a sentence vector, as the back-fill last counted them.");
        meter.CreateObservableCounter("paperboy.search.embedded", () => progress.EmbeddedSinceStart, "{paper}", "Papers the back-fill embedded since the process started.");
    }
}
