using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Paperboy.Bench;

/// <summary>
/// <c>eval CORPUS MODEL VECTORS.f32 [PER_CLASS]</c>: search quality over the corpus of make_eval_corpus.py (every recorded HF
/// paper plus arXiv snapshot distractors), with query sets built from that real data:
/// <list type="bullet">
/// <item>summary: HF's ai_summary of a paper (a paraphrase written by someone else), for that paper;</item>
/// <item>summary, no names: the same without the names in it (a description by someone who does not know the name);</item>
/// <item>claim: the middle sentence of an abstract, for its paper;</item>
/// <item>title: a title with a third of its words dropped, for its paper;</item>
/// <item>keyword: one ai_keywords phrase carried by 2 to 10 papers, for all of them;</item>
/// <item>keyword set: the first three ai_keywords of a paper, for that paper.</item>
/// </list>
/// Each query runs through the app's own <see cref="PaperSearch.RankAsync"/> in keyword, meaning and hybrid mode, and
/// as plain FTS5 bm25() over the same index with the query's words joined by OR (the floor). Prints nDCG@10, recall@10 and
/// MRR per query class and per query length. <c>EVAL_MODES=hybrid,keyword</c> runs only those modes.
/// </summary>
public static class SearchQuality
{
    const string Floor = "bm25 OR";

    sealed record Query(string Class, string Text, IReadOnlySet<string> Relevant)
    {
        public int Words => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        public string Length => Words <= 8 ? "≤ 8 words" : Words <= 12 ? "9–12 words" : "> 12 words";
    }

    sealed class Score
    {
        public int N;
        public double Ndcg, Recall, Mrr, Ms;
        public void Add(double ndcg, double recall, double mrr, double ms) { N++; Ndcg += ndcg; Recall += recall; Mrr += mrr; Ms += ms; }
        public string Row => $"{Ndcg / N:F3} | {Recall / N:F3} | {Mrr / N:F3} | {Ms / N:F1}";
    }

    public static async Task<int> RunAsync(string corpusPath, string model, string vectorsPath, int perClass)
    {
        var corpus = EvalPaper.Read(corpusPath);
        await using var app = await BenchHost.StartAsync($"/tmp/paperboy-eval/db-quality-{model}", model, fresh: true);
        await BenchHost.InsertAsync(app, corpus);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IKeywordIndex>().RebuildAsync(CancellationToken.None);
        var modes = (Environment.GetEnvironmentVariable("EVAL_MODES") ?? "bm25,keyword,meaning,hybrid").Split(',');
        if (modes.Any(m => m is "meaning" or "hybrid"))
        {
            var index = app.Services.GetRequiredService<VectorIndex>();
            var vectors = EmbedCorpus.Load(vectorsPath, index.Dimensions);
            if (vectors.Length < corpus.Count) throw new InvalidOperationException($"{vectors.Length} vectors for {corpus.Count} papers: finish embed-corpus first");
            for (var i = 0; i < corpus.Count; i++) index.Upsert(corpus[i].Id, vectors[i]);
        }
        var queries = Queries(corpus, perClass);
        Console.WriteLine($"model {model}: {corpus.Count:N0} papers, {queries.Count:N0} queries " +
                          string.Join(", ", queries.GroupBy(q => q.Class).Select(g => $"{g.Key} {g.Count()}")));
        if (Environment.GetEnvironmentVariable("EVAL_GRID") == "1") return await GridAsync(app, queries);
        var byClass = new SortedDictionary<(string, string), Score>();
        var byLength = new SortedDictionary<(string, string), Score>();
        var perQuery = new Dictionary<(Query, string), double>();
        foreach (var mode in modes)
        {
            var label = mode == "bm25" ? Floor : mode;
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                var ranked = await RankAsync(app, mode, query.Text);
                var ms = clock.Elapsed.TotalMilliseconds;
                var (ndcg, recall, mrr) = Measure(ranked, query.Relevant);
                Get(byClass, (query.Class, label)).Add(ndcg, recall, mrr, ms);
                Get(byLength, (query.Length, label)).Add(ndcg, recall, mrr, ms);
                Get(byClass, ("all", label)).Add(ndcg, recall, mrr, ms);
                perQuery[(query, mode)] = ndcg;
            }
        }
        // EVAL_SHOW=MODE: the queries where that mode does worse than the bm25 floor.
        if (Environment.GetEnvironmentVariable("EVAL_SHOW") is { } show && modes.Contains("bm25"))
            foreach (var query in queries.Where(q => perQuery[(q, show)] < perQuery[(q, "bm25")]))
                Console.WriteLine($"  {show} {perQuery[(query, show)]:F3} < floor {perQuery[(query, "bm25")]:F3}: [{query.Class}] {query.Text}");
        Print("query class", byClass, modes);
        Print("query length", byLength, modes);
        return 0;
    }

    /// <summary>
    /// <c>EVAL_GRID=1</c>: each side's candidates once per query, then <see cref="PaperSearch.Fuse"/> for a range of words
    /// weights, as nDCG@10 per query class (to choose <see cref="PaperSearch.WordsWeight"/>).
    /// </summary>
    static async Task<int> GridAsync(WebApplication app, List<Query> queries)
    {
        var sides = new List<(Query Query, IReadOnlyList<KeywordHit> Words, IReadOnlyList<VectorHit> Meaning)>();
        foreach (var query in queries)
        {
            var (q, _) = SearchQueryParser.Parse(query.Text);
            if (q is null) continue;
            await using var scope = app.Services.CreateAsyncScope();
            var (words, meaning) = await scope.ServiceProvider.GetRequiredService<PaperSearch>()
                .SidesAsync(new SearchRequest(q, SearchFilters.None), CancellationToken.None);
            sides.Add((query, words, meaning));
        }
        var classes = sides.Select(s => s.Query.Class).Distinct().Order().ToList();
        Console.WriteLine($"| words weight | clear words ratio | clear meaning gap | all | {string.Join(" | ", classes)} | ≤ 8 words | 9–12 words | > 12 words |");
        Console.WriteLine($"|---|---|---|---|{string.Concat(classes.Select(_ => "---|"))}---|---|---|");
        foreach (var weight in new[] { 0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0 })
        foreach (var ratio in new[] { 1.25, 1.5, 2.0, double.PositiveInfinity })
        foreach (var gap in new[] { 0.03, 0.05, 0.08, double.PositiveInfinity })
        {
            var ndcg = sides.Select(s => (s.Query, Measure(PaperSearch.Fuse(s.Words, s.Meaning, weight, ratio, gap), s.Query.Relevant).Ndcg)).ToList();
            string Mean(Func<Query, bool> which) => ndcg.Where(x => which(x.Query)).Select(x => x.Ndcg).DefaultIfEmpty(0).Average().ToString("F3");
            Console.WriteLine($"| {weight} | {ratio} | {gap} | {Mean(_ => true)} | {string.Join(" | ", classes.Select(c => Mean(q => q.Class == c)))} | " +
                              $"{Mean(q => q.Words <= 8)} | {Mean(q => q.Words is > 8 and <= 12)} | {Mean(q => q.Words > 12)} |");
        }
        return 0;
    }

    static Score Get(SortedDictionary<(string, string), Score> scores, (string, string) key) =>
        scores.TryGetValue(key, out var s) ? s : scores[key] = new Score();

    static void Print(string what, SortedDictionary<(string, string), Score> scores, string[] modes)
    {
        Console.WriteLine();
        Console.WriteLine($"| {what} | queries | mode | nDCG@10 | recall@10 | MRR | ms/query |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var group in scores.GroupBy(s => s.Key.Item1))
            foreach (var mode in modes.Select(m => m == "bm25" ? Floor : m))
                if (group.FirstOrDefault(s => s.Key.Item2 == mode).Value is { } score)
                    Console.WriteLine($"| {group.Key} | {score.N} | {mode} | {score.Row} |");
    }

    /// <summary>nDCG@10 with binary gains, recall@10 and the reciprocal rank of the first relevant paper (0 beyond 100).</summary>
    static (double Ndcg, double Recall, double Mrr) Measure(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant)
    {
        double dcg = 0, ideal = 0, mrr = 0;
        var found = 0;
        for (var i = 0; i < Math.Min(10, ranked.Count); i++)
            if (relevant.Contains(ranked[i])) { dcg += 1 / Math.Log2(i + 2); found++; }
        for (var i = 0; i < Math.Min(10, relevant.Count); i++) ideal += 1 / Math.Log2(i + 2);
        for (var i = 0; i < Math.Min(100, ranked.Count); i++)
            if (relevant.Contains(ranked[i])) { mrr = 1.0 / (i + 1); break; }
        return (dcg / ideal, (double)found / relevant.Count, mrr);
    }

    static async Task<IReadOnlyList<string>> RankAsync(WebApplication app, string mode, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (mode == "bm25") return await PlainBm25Async(scope.ServiceProvider.GetRequiredService<PaperboyDb>(), text);
        var (q, _) = SearchQueryParser.Parse(text);
        if (q is null) return [];
        var searchMode = Enum.Parse<SearchMode>(mode, ignoreCase: true);
        return await scope.ServiceProvider.GetRequiredService<PaperSearch>()
            .RankAsync(new SearchRequest(q, SearchFilters.None, Mode: searchMode), CancellationToken.None);
    }

    /// <summary>The floor: FTS5's bm25() over the same index, every word of the query OR-ed, default column weights.</summary>
    static async Task<IReadOnlyList<string>> PlainBm25Async(PaperboyDb db, string text)
    {
        var words = Regex.Matches(text, @"[\p{L}\p{N}]+").Select(m => "\"" + m.Value + "\"").Distinct().ToList();
        if (words.Count == 0) return [];
        var conn = await db.OpenConnectionAsync(CancellationToken.None);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT p.id FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid
            WHERE papers_fts MATCH @m ORDER BY bm25(papers_fts) LIMIT 100
            """;
        SearchSql.Add(cmd, "m", string.Join(" OR ", words));
        return await SearchSql.ReadIdsAsync(cmd, CancellationToken.None);
    }

    /// <summary>The query sets, each a fixed pseudo-random sample of at most <paramref name="perClass"/> queries.</summary>
    static List<Query> Queries(List<EvalPaper> corpus, int perClass)
    {
        IEnumerable<Query> Sample(IEnumerable<Query> all) => all.OrderBy(q => StableHash(q.Class + q.Text)).Take(perClass);
        var carriers = corpus.SelectMany(p => p.Keywords.Select(k => k.ToLowerInvariant()).Distinct().Select(k => (k, p.Id)))
            .GroupBy(x => x.k).Where(g => g.Count() is >= 2 and <= 10)
            .Select(g => new Query("keyword", g.Key, g.Select(x => x.Id).ToHashSet()));
        return
        [
            .. Sample(corpus.Where(p => p.Summary.Length > 0).Select(p => One("summary", p.Summary, p))),
            .. Sample(corpus.Where(p => p.Summary.Length > 0).Select(p => Unnamed(p.Summary) is { } d ? One("summary, no names", d, p) : null).OfType<Query>()),
            .. Sample(corpus.Select(p => MiddleSentence(p.Abstract) is { } s ? One("claim", s, p) : null).OfType<Query>()),
            .. Sample(corpus.Select(p => DropWords(p.Title, p.Id) is { } t ? One("title", t, p) : null).OfType<Query>()),
            .. Sample(carriers),
            .. Sample(corpus.Where(p => p.Keywords.Count >= 3).Select(p => One("keyword set", string.Join(' ', p.Keywords.Take(3)), p))),
        ];
    }

    static Query One(string kind, string text, EvalPaper paper) => new(kind, text, new HashSet<string> { paper.Id });

    /// <summary>
    /// A summary without its names (words with a capital after the first letter or a digit: "FlashPrefill", "GPT-4",
    /// "LLMs"), which give a paper away to the words side: a reader describing an idea without knowing what it is called.
    /// </summary>
    static string? Unnamed(string summary)
    {
        var words = summary.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !w.Skip(1).Any(char.IsUpper) && !w.Any(char.IsDigit)).ToList();
        return kept.Count < words.Length && kept.Count >= 6 ? string.Join(' ', kept) : null;
    }

    /// <summary>The middle sentence of an abstract of at least three sentences, if it has 6 to 40 words.</summary>
    public static string? MiddleSentence(string text)
    {
        var sentences = Regex.Split(text, @"(?<=[.!?])\s+(?=[A-Z])").Where(s => s.Length > 0).ToList();
        if (sentences.Count < 3) return null;
        var middle = sentences[sentences.Count / 2].TrimEnd('.');
        var words = middle.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 6 and <= 40 ? middle : null;
    }

    /// <summary>The title without every third word (from a position the id chooses), when at least four words are left.</summary>
    static string? DropWords(string title, string id)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = (int)((uint)StableHash(id) % 3);
        var kept = words.Where((_, i) => i % 3 != start).ToList();
        return kept.Count >= 4 ? string.Join(' ', kept) : null;
    }

    static int StableHash(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s) h = (h ^ c) * 16777619;
            return h;
        }
    }
}
