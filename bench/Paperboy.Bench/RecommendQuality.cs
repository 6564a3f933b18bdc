using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Paperboy.Discovery;

namespace Paperboy.Bench;

/// <summary>
/// <c>recommend-eval CORPUS VECTORS [READERS]</c>: offline quality of "For you" on real papers (docs/recommendations.md).
/// Simulated readers each like one HF keyword (ai_keywords): they upvoted a random half of that keyword's papers of the
/// 120 days before a cut day; the papers of the 14 days after it are ranked, and the keyword's papers among them are the
/// held-out ones a good ranking puts in its top 10. Methods: trending (HF upvotes), keyword matching of the liked titles'
/// words, nearest neighbours (max-sim), the linear model, the blend, each with and without diversity (MMR).
/// </summary>
public static partial class RecommendQuality
{
    sealed record Reader(string Topic, DateOnly Cut, int[] Liked, HashSet<int> Relevant, int[] Window);

    public static int Run(string corpusPath, string vectorsPath, int readers)
    {
        var corpus = EvalPaper.Read(corpusPath);
        var vectors = EmbedCorpus.Load(vectorsPath, 384);
        if (vectors.Length != corpus.Count) throw new InvalidOperationException($"{vectors.Length} vectors for {corpus.Count} papers");
        var index = new VectorIndex();
        for (var i = 0; i < corpus.Count; i++) index.Upsert(corpus[i].Id, vectors[i]);
        var days = corpus.Select(p => DateOnly.ParseExact(p.Published[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var sample = Simulate(corpus, days, readers);
        Console.WriteLine($"{corpus.Count} papers, {sample.Count} simulated readers ({sample.Select(r => r.Topic).Distinct().Count()} keywords), " +
                          $"mean {sample.Average(r => r.Liked.Length):F1} upvotes, {sample.Average(r => r.Window.Length):F0} papers in a window, " +
                          $"{sample.Average(r => r.Relevant.Count):F1} held out");
        var idf = Idf(corpus);
        var methods = new (string Name, Func<Reader, VectorBlock, List<string>> Rank)[]
        {
            ("trending (HF upvotes in the window)", (r, _) => r.Window.OrderByDescending(i => corpus[i].Upvotes).ThenBy(i => corpus[i].Id, StringComparer.Ordinal).Take(10).Select(i => corpus[i].Id).ToList()),
            ("keyword matching (liked titles' words)", (r, _) => Keyword(corpus, idf, r)),
            ("nearest neighbours (max-sim)", (r, w) => Taste(corpus, vectors, r, w, TasteMethod.MaxSim, 0)),
            ("nearest neighbours + MMR 0.1", (r, w) => Taste(corpus, vectors, r, w, TasteMethod.MaxSim, 0.1)),
            ("linear model", (r, w) => Taste(corpus, vectors, r, w, TasteMethod.Linear, 0)),
            ("linear model + MMR 0.1", (r, w) => Taste(corpus, vectors, r, w, TasteMethod.Linear, 0.1)),
            ("blend (linear shortlist + max-sim)", (r, w) => Taste(corpus, vectors, r, w, TasteMethod.Blend, 0)),
            ("blend + MMR 0.1 (shipped)", (r, w) => Taste(corpus, vectors, r, w, TasteMethod.Blend, 0.1)),
            ("blend + MMR 0.3", (r, w) => Taste(corpus, vectors, r, w, TasteMethod.Blend, 0.3)),
        };
        Console.WriteLine("| method | recall@10 | hits@10 (of 10) | ms per reader |");
        Console.WriteLine("|---|---|---|---|");
        // EVAL_METHODS=linear,blend: only the methods whose names contain one of these words.
        var only = Environment.GetEnvironmentVariable("EVAL_METHODS")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (name, rank) in methods.Where(m => only is null || only.Any(o => m.Name.Contains(o, StringComparison.OrdinalIgnoreCase))))
        {
            double recall = 0, hits = 0;
            var clock = Stopwatch.StartNew();
            foreach (var r in sample)
            {
                var window = index.Gather(r.Window.Select(i => corpus[i].Id).ToList());
                var top = rank(r, window);
                var found = top.Count(id => r.Relevant.Contains(IndexOf(corpus, id)));
                recall += found / (double)Math.Min(10, r.Relevant.Count);
                hits += found / 10.0;
            }
            Console.WriteLine($"| {name} | {recall / sample.Count:F3} | {hits / sample.Count:F3} | {clock.Elapsed.TotalMilliseconds / sample.Count:F1} |");
        }
        return 0;
    }

    static Dictionary<string, int>? _positions;
    static int IndexOf(List<EvalPaper> corpus, string id)
    {
        _positions ??= corpus.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return _positions[id];
    }

    static List<Reader> Simulate(List<EvalPaper> corpus, DateOnly[] days, int readers)
    {
        var byTopic = new Dictionary<string, List<int>>();
        for (var i = 0; i < corpus.Count; i++)
            foreach (var k in corpus[i].Keywords.Select(k => k.Trim().ToLowerInvariant()).Distinct())
                (byTopic.TryGetValue(k, out var l) ? l : byTopic[k] = []).Add(i);
        var topics = byTopic.Where(t => t.Value.Count is >= 40 and <= 400).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var random = new Random(20261208);
        var all = new List<Reader>();
        for (var cut = new DateOnly(2025, 3, 1); cut <= new DateOnly(2026, 7, 15); cut = cut.AddDays(30))
        {
            var window = Enumerable.Range(0, corpus.Count).Where(i => days[i] >= cut && days[i] < cut.AddDays(14)).ToArray();
            foreach (var (topic, papers) in topics)
            {
                var history = papers.Where(i => days[i] >= cut.AddDays(-120) && days[i] < cut).ToList();
                var relevant = papers.Where(i => days[i] >= cut && days[i] < cut.AddDays(14)).ToHashSet();
                if (history.Count < 6 || relevant.Count < 2) continue;
                var liked = history.OrderBy(_ => random.Next()).Take(Math.Min(500, Math.Max(3, history.Count / 2))).ToArray();
                all.Add(new Reader(topic, cut, liked, relevant, window));
            }
        }
        return all.OrderBy(_ => random.Next()).Take(readers).ToList();
    }

    static List<string> Taste(List<EvalPaper> corpus, float[][] vectors, Reader r, VectorBlock window, TasteMethod method, double diversity) =>
        TasteRanking.Rank(window, r.Liked.Select(i => vectors[i]).ToList(), [], r.Liked.Select(i => corpus[i].Id).ToHashSet(), 10, method, diversity, seed: 1)
            .Select(x => x.Id).ToList();

    /// <summary>The window's papers scored by the liked titles' words found in their title and abstract, each word by its idf.</summary>
    static List<string> Keyword(List<EvalPaper> corpus, Dictionary<string, double> idf, Reader r)
    {
        var words = r.Liked.SelectMany(i => Words(corpus[i].Title)).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        return r.Window.Select(i => (Id: corpus[i].Id, Score: Words(corpus[i].Title + " " + corpus[i].Abstract).Distinct()
                .Sum(w => words.TryGetValue(w, out var n) ? n * idf.GetValueOrDefault(w) : 0)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal).Take(10).Select(x => x.Id).ToList();
    }

    static Dictionary<string, double> Idf(List<EvalPaper> corpus)
    {
        var df = new Dictionary<string, int>();
        foreach (var p in corpus)
            foreach (var w in Words(p.Title + " " + p.Abstract).Distinct()) df[w] = df.GetValueOrDefault(w) + 1;
        return df.ToDictionary(d => d.Key, d => Math.Log((double)corpus.Count / d.Value));
    }

    static readonly HashSet<string> Stop = ["the", "and", "for", "with", "from", "via", "towards", "toward", "using", "are", "our", "that", "this", "into", "its", "can", "not", "all", "but", "how", "what", "when", "large", "model", "models"];

    static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3 && !Stop.Contains(w));

    [GeneratedRegex("[a-z0-9][a-z0-9-]+")]
    private static partial Regex WordPattern();
}
