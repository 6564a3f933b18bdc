using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Paperboy.Search;
using Paperboy.Storage;

namespace Paperboy.Bench;

/// <summary>
/// <c>keyword-scale SNAPSHOT.jsonl.gz N</c>: N papers on SQLite made from the real 75k (paper i ≥ 75k takes the
/// title of one real paper and the first half of its abstract joined to the second half of another's), then 50 real
/// queries, common words included, through the app's keyword search and as raw FTS5 SQL (ORDER BY rank over every
/// match) for the ratio. Prints p50/p95 of each.
/// </summary>
public static class KeywordScale
{
    static readonly string[] Queries =
    [
        "model", "learning", "language models", "large language models", "diffusion", "reinforcement learning", "agents", "transformer",
        "graph neural networks", "benchmark", "reasoning", "attention", "vision language", "image generation", "video", "speech recognition",
        "federated learning", "contrastive learning", "knowledge distillation", "time series forecasting", "activation steering", "dynamic weights",
        "mixture of experts", "retrieval augmented generation", "chain of thought", "hallucination", "robotics manipulation", "point cloud",
        "gaussian splatting", "neural radiance fields", "medical image segmentation", "protein", "quantization", "pruning", "sparse attention",
        "long context", "in-context learning", "preference optimization", "reward model", "code generation", "multilingual", "low-resource languages",
        "adversarial attacks", "privacy", "fairness", "causal inference", "bayesian optimization", "autonomous driving", "\"state space models\"", "author:wang diffusion",
    ];

    public static async Task<int> RunAsync(string snapshot, int n)
    {
        var dir = $"/tmp/paperboy-scale/kw-{n}";
        var fresh = !File.Exists(Path.Combine(dir, "paperboy.db"));
        await using var app = await BenchHost.StartAsync(dir, "arctic-xs", fresh);
        if (fresh) await BuildAsync(app, snapshot, n);
        var keywords = new List<double>();
        var raw = new List<double>();
        var conn = new SqliteConnection(app.Services.GetRequiredService<StorageConnection>().ConnectionString);
        await conn.OpenAsync();
        for (var round = 0; round < 2; round++) // the first round warms the page cache
        {
            keywords.Clear(); raw.Clear();
            foreach (var text in Queries)
            {
                var q = SearchQueryParser.Parse(text).Query!;
                await using var scope = app.Services.CreateAsyncScope();
                var index = scope.ServiceProvider.GetRequiredService<IKeywordIndex>();
                var clock = Stopwatch.StartNew();
                await index.MatchAsync(q, SearchFilters.None, PaperSearch.Depth, CancellationToken.None);
                keywords.Add(clock.Elapsed.TotalMilliseconds);
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "SELECT rowid FROM papers_fts WHERE papers_fts MATCH $m ORDER BY bm25(papers_fts, 10.0, 3.0, 1.0) LIMIT 100";
                cmd.Parameters.AddWithValue("$m", string.Join(" AND ", q.Words.Select(w => $"\"{w}\"").Concat(q.Phrases.Select(p => $"\"{p}\""))
                    .Concat(q.Authors.Select(a => $"authors : \"{a}\""))));
                clock.Restart();
                await using (var reader = await cmd.ExecuteReaderAsync()) while (await reader.ReadAsync()) { }
                raw.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine($"papers {n:N0}, {Queries.Length} queries: app keyword search p50 {P(keywords, 0.5):F1} ms p95 {P(keywords, 0.95):F1} ms; " +
                          $"raw FTS5 bm25 over all matches p50 {P(raw, 0.5):F1} ms p95 {P(raw, 0.95):F1} ms");
        return 0;
    }

    static double P(List<double> xs, double p) => xs.Order().ElementAt((int)Math.Min(xs.Count - 1, Math.Ceiling(p * xs.Count) - 1));

    static async Task BuildAsync(WebApplication app, string snapshot, int n)
    {
        var real = new List<EvalPaper>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(snapshot), CompressionMode.Decompress)))
            while (await reader.ReadLineAsync() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                real.Add(new EvalPaper(r.GetProperty("id").GetString()!, Flat(r.GetProperty("title").GetString()!), Flat(r.GetProperty("abstract").GetString()!),
                    r.GetProperty("authors").GetString()!.Split(", ").ToList(), r.GetProperty("categories").GetString()!.Split(' ').ToList(),
                    r.GetProperty("update_date").GetString()!, [], 0));
            }
        var clock = Stopwatch.StartNew();
        await BenchHost.InsertAsync(app, Enumerable.Range(0, n).Select(i => Make(real, i)));
        Console.WriteLine($"built {n:N0} papers in {clock.Elapsed.TotalSeconds:F0} s");
    }

    static EvalPaper Make(List<EvalPaper> real, int i)
    {
        var a = real[i % real.Count];
        if (i < real.Count) return a;
        var b = real[(int)((i * 7919L) % real.Count)];
        var abs = a.Abstract[..(a.Abstract.Length / 2)] + " " + b.Abstract[(b.Abstract.Length / 2)..];
        return a with { Id = $"x{i}", Abstract = abs, Title = $"{a.Title} ({b.Title.Split(' ')[0]})" };
    }

    static string Flat(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
