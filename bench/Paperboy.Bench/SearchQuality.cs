using System.Diagnostics;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// <c>eval CORPUS MODEL VECTORS.f32 [QUERIES] [CORPUS_LIMIT]</c>: HF's ai_keywords of a paper as the query, that paper as the one
/// relevant answer, over the corpus of make_eval_corpus.py. Prints recall@10 and nDCG@10 for words alone, meaning
/// alone and hybrid, for the first three keywords ("short") and for all of them ("long"). CORPUS_LIMIT takes the
/// corpus's first papers only (to compare models on what both have embedded).
/// </summary>
public static class SearchQuality
{
    public static async Task<int> RunAsync(string corpusPath, string model, string vectorsPath, int queryCount, int corpusLimit)
    {
        var corpus = EvalPaper.Read(corpusPath).Take(corpusLimit).ToList();
        await using var app = await BenchHost.StartAsync($"/tmp/paperboy-eval/db-{model}", model, fresh: true);
        await BenchHost.InsertAsync(app, corpus);
        var index = app.Services.GetRequiredService<VectorIndex>();
        var vectors = EmbedCorpus.Load(vectorsPath, index.Dimensions);
        if (vectors.Length < corpus.Count) throw new InvalidOperationException($"{vectors.Length} vectors for {corpus.Count} papers: finish embed-corpus first");
        for (var i = 0; i < corpus.Count; i++) index.Upsert(corpus[i].Id, vectors[i]);

        var queries = corpus.Where(p => p.Keywords.Count >= 3).OrderBy(p => StableHash(p.Id)).Take(queryCount).ToList();
        Console.WriteLine($"model {model}: {corpus.Count} papers, {queries.Count} queries");
        Console.WriteLine("| query | mode | recall@10 | nDCG@10 |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (label, make) in new (string, Func<EvalPaper, string>)[]
                 {
                     ("short (3 keywords)", p => string.Join(' ', p.Keywords.Take(3))),
                     ("long (all keywords)", p => string.Join(' ', p.Keywords)),
                 }.Where(x => Environment.GetEnvironmentVariable("EVAL_ONLY") is not { } only || x.Item1.StartsWith(only)))
        {
            var modes = Environment.GetEnvironmentVariable("EVAL_HYBRID_ONLY") == "1" ? new[] { SearchMode.Hybrid } : new[] { SearchMode.Words, SearchMode.Meaning, SearchMode.Hybrid };
            foreach (var mode in modes)
            {
                double recall = 0, ndcg = 0;
                var clock = Stopwatch.StartNew();
                foreach (var paper in queries)
                {
                    var (q, _) = SearchQueryParser.Parse(make(paper));
                    if (q is null) continue;
                    await using var scope = app.Services.CreateAsyncScope();
                    var ranked = await scope.ServiceProvider.GetRequiredService<PaperSearch>()
                        .RankAsync(new SearchRequest(q, SearchFilters.None, Mode: mode), CancellationToken.None);
                    var rank = ranked.Take(10).ToList().IndexOf(paper.Id);
                    if (rank < 0) continue;
                    recall += 1;
                    ndcg += 1 / Math.Log2(rank + 2);
                }
                Console.WriteLine($"| {label} | {mode.ToString().ToLowerInvariant()} | {recall / queries.Count:F3} | {ndcg / queries.Count:F3} |  ({clock.Elapsed.TotalMilliseconds / queries.Count:F1} ms/query)");
            }
        }
        return 0;
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
