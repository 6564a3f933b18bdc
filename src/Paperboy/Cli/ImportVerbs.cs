using System.CommandLine;
using System.Globalization;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Ingest.HfDaily;
using Paperboy.Storage;

namespace Paperboy.Cli;

/// <summary><c>paperboy import hf-daily | snapshot | arxiv | oai</c>: the same importers the schedules run.</summary>
public static class ImportVerbs
{
    public static Command Create(WebApplication app)
    {
        var import = new Command("import", "Import papers from HF daily lists, the arXiv API, OAI-PMH or an arXiv snapshot.");
        import.Subcommands.Add(HfDaily(app));
        import.Subcommands.Add(Snapshot(app));
        import.Subcommands.Add(Arxiv(app));
        import.Subcommands.Add(Oai(app));
        return import;
    }

    static Command HfDaily(WebApplication app)
    {
        var paths = new Argument<string[]>("files") { Arity = ArgumentArity.ZeroOrMore, Description = "Recorded /api/daily_papers answers: files or folders of *.json." };
        var from = new Option<string>("--from") { Description = "First day to fetch live (YYYY-MM-DD)." };
        var to = new Option<string>("--to") { Description = "Last day to fetch live (YYYY-MM-DD); default: --from." };
        var cmd = new Command("hf-daily", "Import HF daily papers lists, from recorded files or live by day.") { paths, from, to };
        cmd.SetAction((pr, ct) => RunAsync(app, "hf-daily", ct, (progress, token) =>
        {
            var importer = app.Services.GetRequiredService<HfDailyImporter>();
            var files = pr.GetValue(paths) ?? [];
            if (files.Length > 0 && pr.GetValue(from) is not null) throw new CliException("give either files or --from/--to, not both.");
            if (files.Length > 0) return importer.ImportFilesAsync(files, progress, token);
            var first = Day(pr.GetValue(from), "--from") ?? throw new CliException("give files or folders to import, or --from YYYY-MM-DD [--to YYYY-MM-DD] to fetch live.");
            var last = Day(pr.GetValue(to), "--to") ?? first;
            if (last < first) throw new CliException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}.");
            return importer.ImportDaysAsync(first, last, progress, token);
        }));
        return cmd;
    }

    static Command Snapshot(WebApplication app)
    {
        var file = new Argument<string>("file") { Description = "arXiv metadata snapshot, JSON lines, plain or .gz." };
        var cmd = new Command("snapshot", "Import arXiv's bulk metadata snapshot (resumes a killed import).") { file };
        cmd.SetAction((pr, ct) => RunAsync(app, "snapshot", ct, (progress, token) =>
            app.Services.GetRequiredService<SnapshotImporter>().ImportAsync(pr.GetValue(file)!, progress, token)));
        return cmd;
    }

    static Command Arxiv(WebApplication app)
    {
        var ids = new Option<string>("--ids") { Description = "Comma-separated arXiv ids, e.g. 2409.01234,hep-th/9901001v2." };
        var query = new Option<string>("--query") { Description = "An arXiv API search, e.g. 'cat:cs.LG' or 'ti:diffusion AND cat:cs.CV'." };
        var max = new Option<int>("--max") { Description = "Most results of --query to import.", DefaultValueFactory = _ => 100 };
        var cmd = new Command("arxiv", "Import from the arXiv query API (one request every 3 s).") { ids, query, max };
        cmd.SetAction((pr, ct) => RunAsync(app, "arxiv", ct, (progress, token) =>
        {
            var importer = app.Services.GetRequiredService<ArxivApiImporter>();
            if (pr.GetValue(ids) is { } list)
            {
                var parts = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 0) throw new CliException("--ids is empty; give ids like 2409.01234,hep-th/9901001.");
                return importer.ImportIdsAsync(parts, progress, token);
            }
            var q = pr.GetValue(query) ?? throw new CliException("give --ids ID,ID... or --query 'cat:cs.LG' [--max N].");
            var n = pr.GetValue(max);
            if (n is < 1 or > 30_000) throw new CliException($"--max {n} is out of range; use 1 to 30000.");
            return importer.ImportQueryAsync(q, n, null, progress, token);
        }));
        return cmd;
    }

    static Command Oai(WebApplication app)
    {
        var set = new Option<string>("--set") { Description = "OAI-PMH set, e.g. cs, math, physics:hep-th.", Required = true };
        var from = new Option<string>("--from") { Description = "First datestamp (YYYY-MM-DD).", Required = true };
        var until = new Option<string>("--until") { Description = "Last datestamp (YYYY-MM-DD)." };
        var format = new Option<string>("--format") { Description = "arXivRaw (with versions, the default) or arXiv.", DefaultValueFactory = _ => "arXivRaw" };
        var cmd = new Command("oai", "Harvest arXiv's OAI-PMH ListRecords (follows and saves resumption tokens).") { set, from, until, format };
        cmd.SetAction((pr, ct) => RunAsync(app, "oai", ct, (progress, token) =>
        {
            var fmt = OaiHarvest.Formats.FirstOrDefault(f => string.Equals(f, pr.GetValue(format), StringComparison.OrdinalIgnoreCase))
                      ?? throw new CliException($"--format {pr.GetValue(format)} is not one of {string.Join(", ", OaiHarvest.Formats)}.");
            var harvest = new OaiHarvest(pr.GetValue(set)!, Day(pr.GetValue(from), "--from")!.Value, Day(pr.GetValue(until), "--until"), fmt);
            return app.Services.GetRequiredService<OaiPmhHarvester>().HarvestAsync(harvest, progress, token);
        }));
        return cmd;
    }

    /// <summary>Runs an import with progress on stderr; prints what was rejected and the one-line summary; 1 when the run failed.</summary>
    static async Task<int> RunAsync(WebApplication app, string source, CancellationToken ct, Func<IProgress<ImportCounts>, CancellationToken, Task<ImportSummary>> import)
    {
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
        var progress = new CliProgress($"import {source}");
        ImportSummary summary;
        try { summary = await import(progress, ct); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException) { throw new CliException(e.Message); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            progress.Done();
            Console.Error.WriteLine($"import {source} cancelled; run the same command again to resume.");
            return 130;
        }
        progress.Done();
        foreach (var problem in summary.Problems.Take(20)) Console.Error.WriteLine($"rejected {problem}");
        if (summary.ProblemCount > 20) Console.Error.WriteLine($"... and {summary.ProblemCount - 20} more rejected");
        if (summary.Failed)
        {
            Console.Error.WriteLine($"error: import {source} {summary.Label} failed: {summary.Error}");
            return 1;
        }
        Console.WriteLine(summary);
        return 0;
    }

    static DateOnly? Day(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new CliException($"{option} {text} is not a date; use YYYY-MM-DD, e.g. 2026-08-21.");
}
