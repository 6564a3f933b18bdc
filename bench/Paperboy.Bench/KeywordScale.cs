using System.Data.Common;
using System.Diagnostics;
using Paperboy.Search;
using Paperboy.Storage;

namespace Paperboy.Bench;

/// <summary>
/// <c>keyword-scale DIR [PG_CONNECTION]</c>: on the corpus <c>build-1m</c> left in DIR (SQLite, and PostgreSQL when a
/// connection string is given), 50 real queries, common words included, through the app's keyword search
/// (<see cref="IKeywordIndex.MatchAsync"/>, top 100) and, in the same run, as the plain SQL that ranks every match
/// (FTS5 <c>ORDER BY bm25</c>; PostgreSQL <c>ORDER BY ts_rank</c>). Three rounds of the app's search, the first one warming
/// the caches, the last two timed; the plain SQL once per query (it takes seconds at 1M). Then 50 real papers' own titles as queries: how often the paper comes first.
/// </summary>
public static class KeywordScale
{
    /// <summary>The 50 real queries (bench/search/queries.txt, also used by bench/search/hybrid-1m.sh), one a line.</summary>
    public static readonly string[] Queries = File.ReadAllLines("bench/search/queries.txt").Where(l => l.Length > 0).ToArray();

    public static async Task<int> RunAsync(string dir, string? pg, bool sqlite = true)
    {
        if (sqlite) await RunEngineAsync(Path.Combine(dir, "sqlite"), null);
        if (pg is not null) await RunEngineAsync(Path.Combine(dir, "pgdata"), pg);
        return 0;
    }

    static async Task RunEngineAsync(string dataDir, string? pg)
    {
        var engine = pg is null ? "SQLite" : "PostgreSQL";
        await using var app = await MillionCorpus.StartAsync(dataDir, pg);
        await using var conn = await OpenAsync(app);
        var papers = await ScalarAsync(conn, "SELECT count(*) FROM papers");
        Console.WriteLine($"== {engine}, {papers:N0} papers");
        var app1 = new Dictionary<string, List<double>>();
        var raw1 = new Dictionary<string, List<double>>();
        for (var round = 0; round < 3; round++)
            foreach (var text in Queries)
            {
                var (q, _) = SearchQueryParser.Parse(text);
                var filters = SearchFilters.From(q!);
                await using var scope = app.Services.CreateAsyncScope();
                var index = scope.ServiceProvider.GetRequiredService<IKeywordIndex>();
                var clock = Stopwatch.StartNew();
                await index.MatchAsync(q!, filters, PaperSearch.Depth, CancellationToken.None);
                var appMs = clock.Elapsed.TotalMilliseconds;
                if (round == 0) Console.Error.WriteLine($"  warm-up {text}: app {appMs:F0} ms");
                if (round > 0) (app1.TryGetValue(text, out var a) ? a : app1[text] = []).Add(appMs);
                if (round != 1) continue; // ranking every match takes seconds at 1M: once per query, after the app's warm-up round
                await using var cmd = RawCommand(conn, q!, filters, pg is not null);
                clock.Restart();
                await using (var reader = await cmd.ExecuteReaderAsync()) while (await reader.ReadAsync()) { }
                var rawMs = clock.Elapsed.TotalMilliseconds;
                (raw1.TryGetValue(text, out var r) ? r : raw1[text] = []).Add(rawMs);
            }
        Console.WriteLine($"{"query",-40} {"matches",9} {"app ms",8} {"raw ms",8}");
        foreach (var text in Queries)
        {
            var (q, _) = SearchQueryParser.Parse(text);
            await using var count = RawCommand(conn, q!, SearchFilters.From(q!), pg is not null, countOnly: true);
            var matches = Convert.ToInt64(await count.ExecuteScalarAsync());
            Console.WriteLine($"{text,-40} {matches,9:N0} {app1[text].Average(),8:F1} {raw1[text].Average(),8:F1}");
        }
        var all = app1.Values.SelectMany(x => x).ToList();
        var allRaw = raw1.Values.SelectMany(x => x).ToList();
        Console.WriteLine($"{engine} {papers:N0} papers, {Queries.Length} queries x 2 rounds: app keyword search p50 {P(all, 0.5):F1} ms p95 {P(all, 0.95):F1} ms max {all.Max():F1} ms; " +
                          $"raw SQL ranking every match (1 round) p50 {P(allRaw, 0.5):F1} ms p95 {P(allRaw, 0.95):F1} ms (app/raw at p95 {P(all, 0.95) / P(allRaw, 0.95):F2})");
        await TitlesFirstAsync(app, conn);
        await SentencesAsync(app, conn);
    }

    /// <summary>
    /// Natural-language queries: the middle sentence of 50 real abstracts (SearchQuality's "claim" queries), searched by
    /// words; how often the first result says that sentence word for word (the synthetic papers reuse real sentences: each
    /// is in about 18 papers, so "its own paper first" means little here), and how long it takes.
    /// </summary>
    static async Task SentencesAsync(WebApplication app, DbConnection conn)
    {
        await using var pick = conn.CreateCommand();
        pick.CommandText = "SELECT id, abstract FROM papers WHERE id NOT LIKE '%.5____' ORDER BY id LIMIT 400 OFFSET 2000";
        var real = new List<(string Id, string Sentence)>();
        await using (var reader = await pick.ExecuteReaderAsync())
            while (await reader.ReadAsync() && real.Count < 50)
                if (SearchQuality.MiddleSentence(reader.GetString(1)) is { } sentence) real.Add((reader.GetString(0), sentence));
        var verbatim = 0;
        var times = new List<double>();
        for (var round = 0; round < 2; round++)
            foreach (var (id, sentence) in real)
            {
                var (q, _) = SearchQueryParser.Parse(sentence);
                await using var scope = app.Services.CreateAsyncScope();
                var clock = Stopwatch.StartNew();
                var ids = await scope.ServiceProvider.GetRequiredService<PaperSearch>().RankAsync(new SearchRequest(q!, SearchFilters.From(q!), Mode: KeywordMode), CancellationToken.None);
                if (round == 0) continue; // warm-up
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (ids.Count > 0 && await SaysAsync(conn, ids[0], sentence)) verbatim++;
            }
        Console.WriteLine($"a sentence of a real abstract finds first a paper that says it word for word: {verbatim}/{real.Count} (p50 {P(times, 0.5):F1} ms, p95 {P(times, 0.95):F1} ms)");
    }

    static readonly SearchMode KeywordMode = Enum.Parse<SearchMode>(Enum.IsDefined(typeof(SearchMode), "Keyword") ? "Keyword" : "Words");

    static async Task<bool> SaysAsync(DbConnection conn, string id, string sentence)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid WHERE papers_fts MATCH @m AND p.id = @id";
        SearchSql.Add(cmd, "m", "\"" + string.Join(' ', System.Text.RegularExpressions.Regex.Matches(sentence, @"\w+").Select(m => m.Value)) + "\"");
        SearchSql.Add(cmd, "id", id);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync()) > 0;
    }

    /// <summary>Real papers (ids without the synthetic .5xxxx numbers), each searched by its own title.</summary>
    static async Task TitlesFirstAsync(WebApplication app, DbConnection conn)
    {
        await using var pick = conn.CreateCommand();
        pick.CommandText = "SELECT id, title FROM papers WHERE id NOT LIKE '%.5____' ORDER BY id LIMIT 50 OFFSET 1000";
        var real = new List<(string Id, string Title)>();
        await using (var reader = await pick.ExecuteReaderAsync()) while (await reader.ReadAsync()) real.Add((reader.GetString(0), reader.GetString(1)));
        var first = 0;
        var times = new List<double>();
        foreach (var (id, title) in real)
        {
            var (q, _) = SearchQueryParser.Parse(title);
            await using var scope = app.Services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var ids = await scope.ServiceProvider.GetRequiredService<IKeywordIndex>().MatchAsync(q!, SearchFilters.From(q!), PaperSearch.Depth, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (ids.Count > 0 && ids[0].Id == id) first++;
            else Console.WriteLine($"  not first: {id} '{title}' -> {string.Join(", ", ids.Take(3).Select(h => h.Id))}");
        }
        Console.WriteLine($"own title finds the real paper first: {first}/{real.Count} (p95 {P(times, 0.95):F1} ms)");
    }

    /// <summary>The same query ranked the plain way: every match scored, then the top 100.</summary>
    static DbCommand RawCommand(DbConnection conn, SearchQuery q, SearchFilters filters, bool postgres, bool countOnly = false)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandTimeout = 600;
        var filter = SearchSql.Filters(cmd, filters, postgres);
        if (postgres)
        {
            var match = TsQuery.Match(cmd, q)!;
            cmd.CommandText = countOnly
                ? $"SELECT count(*) FROM papers p WHERE p.search_vector @@ {match}{filter}"
                : $"SELECT p.id FROM papers p WHERE p.search_vector @@ {match}{filter} ORDER BY ts_rank(p.search_vector, {match}) DESC LIMIT 100";
        }
        else
        {
            var m = SearchSql.Add(cmd, "m", Fts5Expression.Match(q)!);
            cmd.CommandText = countOnly
                ? $"SELECT count(*) FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid WHERE papers_fts MATCH {m}{filter}"
                : $"SELECT p.id FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid WHERE papers_fts MATCH {m}{filter} ORDER BY bm25(papers_fts, 10.0, 3.0, 1.0) LIMIT 100";
        }
        return cmd;
    }

    static async Task<DbConnection> OpenAsync(WebApplication app)
    {
        var storage = app.Services.GetRequiredService<StorageConnection>();
        DbConnection conn = storage.IsPostgres ? new Npgsql.NpgsqlConnection(storage.ConnectionString) : new Microsoft.Data.Sqlite.SqliteConnection(storage.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    static async Task<long> ScalarAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    static double P(List<double> xs, double p) => xs.Order().ElementAt((int)Math.Min(xs.Count - 1, Math.Ceiling(p * xs.Count) - 1));
}
