using System.Globalization;
using System.Threading.Channels;
using Paperboy.Ingest.Writing;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// Imports arXiv's bulk snapshot (<c>import snapshot FILE.jsonl[.gz]</c>): streaming, in batches, reading and parsing
/// on one thread while the previous batch is written on another. Each batch commits with the cursor
/// <c>line=N offset=B</c> (uncompressed bytes), so a killed import resumes after the last committed batch.
/// A broken line is reported (line number and reason) and the import goes on.
/// </summary>
public sealed class SnapshotImporter(ImportRunner runner)
{
    public const string Source = "snapshot";
    /// <summary>Records per transaction: small enough that parsed records die young (the reader runs ahead by two batches).</summary>
    public int BatchSize { get; init; } = 2_000;

    sealed record Parsed(List<PaperRecord> Papers, List<ImportProblem> Problems, string Cursor);

    public Task<ImportSummary> ImportAsync(string path, IProgress<ImportCounts>? progress, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file.");
        var full = Path.GetFullPath(path);
        return runner.RunAsync(Source, "file " + full, Path.GetFileName(full), progress, async (session, token) =>
        {
            var (line, offset) = ParseCursor(session.ResumeCursor);
            var batches = Channel.CreateBounded<Parsed>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            var reading = Task.Run(() => Read(full, line, offset, batches.Writer, stop.Token), stop.Token);
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(token))
                {
                    foreach (var problem in batch.Problems) session.Reject(problem);
                    await session.WriteAsync(ImportBatch.Of(batch.Papers, batch.Cursor) with { IndexLater = true }, token);
                }
            }
            finally
            {
                await stop.CancelAsync();
                try { await reading; } catch (OperationCanceledException) { }
            }
        }, ct);
    }

    void Read(string path, long line, long offset, ChannelWriter<Parsed> output, CancellationToken ct)
    {
        try
        {
            using var reader = SnapshotLineReader.Open(path, line, offset);
            var papers = new List<PaperRecord>(BatchSize);
            var problems = new List<ImportProblem>();
            while (reader.TryReadLine(out var text))
            {
                if (text.Trim((byte)' ').IsEmpty) continue;
                if (SnapshotParser.TryParse(text, out var paper, out var reason)) papers.Add(paper);
                else problems.Add(new ImportProblem($"line {reader.LineNumber.ToString(CultureInfo.InvariantCulture)}", reason));
                if (papers.Count + problems.Count < BatchSize) continue;
                Publish(output, new Parsed(papers, problems, Cursor(reader)), ct);
                papers = new List<PaperRecord>(BatchSize);
                problems = [];
            }
            if (papers.Count + problems.Count > 0) Publish(output, new Parsed(papers, problems, Cursor(reader)), ct);
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e is IOException or InvalidDataException or UnauthorizedAccessException
                ? new ImportSourceException($"cannot read {Path.GetFileName(path)}: {e.Message}", e) : e);
        }
    }

    static void Publish(ChannelWriter<Parsed> output, Parsed batch, CancellationToken ct)
    {
        while (!output.TryWrite(batch))
            if (!output.WaitToWriteAsync(ct).AsTask().GetAwaiter().GetResult()) return;
    }

    static string Cursor(SnapshotLineReader reader) =>
        string.Create(CultureInfo.InvariantCulture, $"line={reader.LineNumber} offset={reader.Offset}");

    static (long Line, long Offset) ParseCursor(string? cursor)
    {
        if (cursor is null) return (0, 0);
        long line = 0, offset = 0;
        foreach (var part in cursor.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("line=", StringComparison.Ordinal)) long.TryParse(part.AsSpan(5), CultureInfo.InvariantCulture, out line);
            else if (part.StartsWith("offset=", StringComparison.Ordinal)) long.TryParse(part.AsSpan(7), CultureInfo.InvariantCulture, out offset);
        }
        return (line, offset);
    }
}
