using System.Text.Json;

namespace Paperboy.Ingest.Writing;

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
        var counts = await WriteCoreAsync(batch, Keywords(batch.Papers), runId, ct);
        return counts with { Rejected = batch.Rejected };
    }

    /// <summary>
    /// After the last batch: brings the search index up to date when that is quick; returns how many papers it left
    /// for the background indexer.
    /// </summary>
    public virtual Task<long> FinishAsync(CancellationToken ct) => Task.FromResult(0L);

    /// <param name="keywords">Each paper's computed keywords as stored JSON, in the order of <c>batch.Papers</c>.</param>
    protected abstract Task<ImportCounts> WriteCoreAsync(ImportBatch batch, string[] keywords, long? runId, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// The keywords computed from each record's own title and abstract (<see cref="Domain.Keyphrases"/>), as stored JSON.
    /// Every source gets them here, at the one upsert; they are written wherever arXiv's text is (a new paper, or arXiv
    /// metadata that applies), and HF's <c>ai_keywords</c> stay apart. A bulk batch is worked on every core, beside the
    /// one connection's writing: on one core they cost a 75k snapshot import several seconds (docs/benchmarks.md).
    /// </summary>
    static string[] Keywords(IReadOnlyList<PaperRecord> papers)
    {
        var keywords = new string[papers.Count];
        if (papers.Count < 64)
            for (var i = 0; i < papers.Count; i++) keywords[i] = Json(Domain.Keyphrases.Of(papers[i].Title, papers[i].Abstract));
        else
            Parallel.For(0, papers.Count, i => keywords[i] = Json(Domain.Keyphrases.Of(papers[i].Title, papers[i].Abstract)));
        return keywords;
    }

    /// <summary>Lists are stored as JSON arrays, serialized exactly as <see cref="Storage.StringListConverter"/> does, so equal lists compare equal.</summary>
    protected static string Json(IReadOnlyList<string> list)
    {
        // A hot path of bulk imports: most names and categories need no escaping, and then the JSON is just quotes and commas.
        var length = 2;
        foreach (var item in list)
        {
            if (item.AsSpan().IndexOfAnyExcept(Plain) >= 0) return JsonSerializer.Serialize(list, JsonSerializerOptions.Default);
            length += item.Length + 3;
        }
        if (list.Count > 0) length--;
        return string.Create(length, list, static (span, items) =>
        {
            span[0] = '[';
            var i = 1;
            for (var n = 0; n < items.Count; n++)
            {
                if (n > 0) span[i++] = ',';
                span[i++] = '"';
                items[n].CopyTo(span[i..]);
                i += items[n].Length;
                span[i++] = '"';
            }
            span[i] = ']';
        });
    }

    /// <summary>Characters the default JSON encoder writes as they are (printable ASCII but <c>"\&lt;&gt;&amp;'+`</c>).</summary>
    static readonly System.Buffers.SearchValues<char> Plain = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).Where(c => !"\"\\<>&'+`".Contains(c))));

    protected static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
