using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Paperboy.Search;
using Paperboy.Search.Keyword;
using Paperboy.Search.Meaning;
using Paperboy.Storage;

namespace Paperboy.Cli;

/// <summary><c>paperboy embed</c> (compute missing vectors, with progress) and <c>paperboy search reindex|index|query</c>.</summary>
public static class SearchVerbs
{
    public static IEnumerable<Command> All(WebApplication app) => [Embed(app), Search(app)];

    static Command Embed(WebApplication app)
    {
        var cmd = new Command("embed", "Compute the sentence vectors of every paper that has none (the server does this in the background too).");
        cmd.SetAction(async (_, ct) =>
        {
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var backfill = app.Services.GetRequiredService<EmbeddingBackfill>();
            var (papers, embedded) = await backfill.CountAsync(ct);
            var clock = Stopwatch.StartNew();
            var done = 0L;
            Console.WriteLine($"{embedded} of {papers} papers have vectors ({app.Services.GetRequiredService<EmbedderProvider>().Model.Name})");
            int n;
            while ((n = await backfill.RunBatchAsync(256, ct)) > 0)
            {
                done += n;
                Console.Write($"\r{embedded + done} of {papers} papers have vectors, {done / clock.Elapsed.TotalSeconds:F1} papers/s   ");
            }
            Console.WriteLine($"\nembedded {done} papers in {clock.Elapsed.TotalSeconds:F0} s");
            return 0;
        });
        return cmd;
    }

    static Command Search(WebApplication app)
    {
        var cmd = new Command("search", "Search papers from the command line, or rebuild the keyword index.");
        var reindex = new Command("reindex", "Rebuild the keyword index from the papers table (SQLite, after a VACUUM).");
        reindex.SetAction(async (_, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IKeywordIndex>().RebuildAsync(ct);
            Console.WriteLine("keyword index rebuilt");
            return 0;
        });
        var index = new Command("index", "Index for keyword search the papers a bulk import queued (the running hub does it in the background).");
        index.SetAction(async (_, ct) =>
        {
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var storage = app.Services.GetRequiredService<StorageConnection>();
            if (storage.IsPostgres)
            {
                Console.WriteLine("PostgreSQL indexes papers as they are written: nothing is queued");
                return 0;
            }
            var clock = Stopwatch.StartNew();
            var done = await SqliteKeywordQueue.IndexQueuedAsync(storage.ConnectionString, 20_000,
                (n, queued) => Console.Write($"\r{n} of {queued} papers indexed   "), ct);
            Console.WriteLine($"\nindexed {done} papers for keyword search in {clock.Elapsed.TotalSeconds:0.0} s ({done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):#,0} papers/s)");
            clock.Restart();
            var maxSegments = app.Services.GetRequiredService<IOptions<KeywordIndexOptions>>().Value.MaxSegments;
            var segments = await SqliteKeywordQueue.CompactAsync(storage.ConnectionString, maxSegments, SqliteKeywordIndexService.MergePages, ct);
            if (segments > 0) Console.WriteLine($"merged the index's {segments} segments into one in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        var queryArg = new Argument<string>("query") { Description = "The search, in the same syntax as the search box." };
        var modeOption = new Option<string?>("--mode") { Description = "hybrid (default): words and meaning fused; keyword: words only; meaning: meaning only" };
        var query = new Command("query", "Print the best matches of a search.") { queryArg, modeOption };
        query.SetAction(async (pr, ct) =>
        {
            var (q, error) = SearchQueryParser.Parse(pr.GetValue(queryArg));
            if (q is null) throw new CliException(error!);
            var mode = SearchForm.ParseMode(pr.GetValue(modeOption))
                ?? throw new CliException($"--mode must be hybrid, keyword or meaning, not '{pr.GetValue(modeOption)}'.");
            var backfill = app.Services.GetRequiredService<EmbeddingBackfill>();
            await backfill.LoadIndexAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var papers = await scope.ServiceProvider.GetRequiredService<PaperSearch>().SearchAsync(new SearchRequest(q, SearchFilters.From(q), Mode: mode), ct);
            foreach (var p in papers) Console.WriteLine($"{p.Id}\t{p.Title}");
            return 0;
        });
        cmd.Subcommands.Add(reindex);
        cmd.Subcommands.Add(index);
        cmd.Subcommands.Add(query);
        return cmd;
    }
}
