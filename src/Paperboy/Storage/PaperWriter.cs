using System.Text.Json;
using Paperboy.Ingest;

namespace Paperboy.Storage;

/// <summary>An open connection that writes import batches; see <see cref="PaperUpserter"/> for the rules.</summary>
public abstract class PaperWriter : IAsyncDisposable
{
    internal abstract Task OpenAsync(CancellationToken ct);

    /// <summary>
    /// Writes one batch in one transaction, and with it (when <paramref name="runId"/> is given) the run's cursor and counts.
    /// Returns what happened to the batch's papers; Rejected is the batch's own.
    /// </summary>
    public async Task<ImportCounts> WriteAsync(ImportBatch batch, long? runId, CancellationToken ct)
    {
        batch = batch.Deduplicated();
        var counts = await WriteCoreAsync(batch, runId, ct);
        return counts with { Rejected = batch.Rejected };
    }

    protected abstract Task<ImportCounts> WriteCoreAsync(ImportBatch batch, long? runId, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>Lists are stored as JSON arrays, serialized exactly as <see cref="StringListConverter"/> does, so equal lists compare equal.</summary>
    protected static string Json(IReadOnlyList<string> list) => JsonSerializer.Serialize(list, JsonSerializerOptions.Default);

    protected static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
