using System.Diagnostics.Metrics;

namespace Paperboy.Ingest;

/// <summary>Meter <c>Paperboy.Ingest</c>: papers each import run wrote or rejected, and its runs with their outcome and time.</summary>
public sealed class ImportMetrics
{
    public const string MeterName = "Paperboy.Ingest";
    readonly Counter<long> _papers;
    readonly Histogram<double> _runs;

    public ImportMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _papers = meter.CreateCounter<long>("paperboy.import.papers", "{paper}", "Papers imported, by source and outcome (new, updated, unchanged, rejected).");
        _runs = meter.CreateHistogram<double>("paperboy.import.duration", "s", "Import runs, by source and status, and how long they took.");
    }

    public void Record(string source, ImportCounts counts, bool succeeded, TimeSpan elapsed)
    {
        foreach (var (outcome, n) in new[] { ("new", counts.New), ("updated", counts.Updated), ("unchanged", counts.Unchanged), ("rejected", counts.Rejected) })
            if (n > 0) _papers.Add(n, new("source", source), new("outcome", outcome));
        _runs.Record(elapsed.TotalSeconds, new("source", source), new("status", succeeded ? "succeeded" : "failed"));
    }
}
