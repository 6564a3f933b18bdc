using System.Globalization;
using Paperboy.Ingest.Writing;

namespace Paperboy.Ingest.HfDaily;

/// <summary>
/// Imports HF daily lists, from recorded files (<c>import hf-daily FILES...</c>) or live, day by day
/// (<c>import hf-daily --from --to</c>, and the hourly schedule). Each file or day is one transaction: an unusable
/// file is reported (file and reason) and the others go on; nothing is half-imported.
/// </summary>
public sealed class HfDailyImporter(ImportRunner runner, HfDailyClient client)
{
    public const string Source = "hf-daily";

    public Task<ImportSummary> ImportFilesAsync(IReadOnlyList<string> paths, IProgress<ImportCounts>? progress, CancellationToken ct)
    {
        var files = ExpandFiles(paths);
        var label = paths.Count == 1 ? Path.GetFileName(Path.TrimEndingDirectorySeparator(paths[0])) : $"{files.Count} files";
        var scope = "files " + string.Join(" ", paths.Select(p => Path.GetFullPath(p)));
        return runner.RunAsync(Source, scope, label, progress, async (session, token) =>
        {
            foreach (var file in files)
            {
                if (session.ResumeCursor is { } done && string.CompareOrdinal(file, done) <= 0) continue;
                var bytes = await File.ReadAllBytesAsync(file, token);
                await WritePageAsync(session, Path.GetFileName(file), HfDailyParser.Parse(bytes, DayOf(file)), file, token);
            }
        }, ct);
    }

    public Task<ImportSummary> ImportDaysAsync(DateOnly from, DateOnly to, IProgress<ImportCounts>? progress, CancellationToken ct)
    {
        if (to < from) throw new ArgumentException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}.");
        var label = from == to ? $"{from:yyyy-MM-dd}" : $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}";
        return runner.RunAsync(Source, "days " + label, label, progress, async (session, token) =>
        {
            var start = session.ResumeCursor is { } c && DateOnly.TryParseExact(c, "yyyy-MM-dd", out var done) && done >= from ? done.AddDays(1) : from;
            for (var day = start; day <= to; day = day.AddDays(1))
            {
                var bytes = await client.GetDayAsync(day, token);
                await WritePageAsync(session, $"{day:yyyy-MM-dd}", HfDailyParser.Parse(bytes, day), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), token);
            }
        }, ct);
    }

    static async Task WritePageAsync(ImportSession session, string name, HfDailyPage page, string cursor, CancellationToken ct)
    {
        if (page.Problem is not null)
        {
            session.Reject(new ImportProblem(name, page.Problem), page.UnusableEntries);
            await session.WriteAsync(new ImportBatch([], [], 0, cursor), ct);
            return;
        }
        foreach (var reason in page.Rejected) session.Reject(new ImportProblem(name, reason));
        await session.WriteAsync(new ImportBatch([.. page.Entries.Select(e => e.Paper)], [.. page.Entries.Select(e => e.Featured)], 0, cursor), ct);
    }

    /// <summary>Files as given, and the <c>*.json</c> files of folders, in name order (which is day order for HF's recorded days).</summary>
    static List<string> ExpandFiles(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) files.AddRange(Directory.EnumerateFiles(path, "*.json").Select(Path.GetFullPath));
            else if (File.Exists(path)) files.Add(Path.GetFullPath(path));
            else throw new FileNotFoundException($"{path}: no such file or folder.");
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    static DateOnly? DayOf(string file) =>
        DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(file), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
