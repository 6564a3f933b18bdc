using System.Diagnostics;
using System.Numerics.Tensors;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// <c>vector-scale CORPUS VECTORS.f32 N</c>: the app's <see cref="VectorIndex"/> over N vectors made from the
/// real ones (<see cref="SyntheticVectors"/>), against exact float32 search over the same N vectors. Queries:
/// 100 real search queries (HF keywords of corpus papers, embedded with the model's query prefix) and 100 new
/// synthetic papers (a related-papers lookup). Prints, for the exhaustive scan (the baseline) and for the IVF
/// index at several probe counts: p50/p95 latency and recall@10; the IVF build time; the process's memory.
/// </summary>
public static class VectorScale
{
    public static int Run(string corpusPath, string vectorsPath, int n)
    {
        const int dims = 384;
        var real = EmbedCorpus.Load(vectorsPath, dims);
        var corpus = EvalPaper.Read(corpusPath);
        var synthetic = new SyntheticVectors(real, seed: 42);
        var floats = new float[(long)n * dims];
        var index = new VectorIndex(dims, exactBelow: int.MaxValue); // built explicitly below, to time it
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var v = i < real.Length ? real[i] : synthetic.Next();
            v.CopyTo(floats.AsSpan(i * dims, dims));
            index.Upsert($"p{i}", v);
        }
        Console.WriteLine($"{n:N0} vectors ({real.Length:N0} real) loaded in {clock.Elapsed.TotalSeconds:F1} s; {synthetic.Describe()}");
        Console.WriteLine($"real papers' nearest real neighbour: mean cosine {NearestNeighbourCosine(real):F3}");

        using var embedder = new Embedder(EmbeddingModel.Find("arctic-xs")!);
        var searchQueries = corpus.Take(real.Length).Where(p => p.Keywords.Count >= 3).Take(100)
            .Select(p => embedder.EmbedQuery(string.Join(' ', p.Keywords.Take(3)))).ToList();
        var paperQueries = Enumerable.Range(0, 100).Select(_ => synthetic.Next()).ToList();
        var exactSearch = searchQueries.Select(q => Exact(floats, n, dims, q)).ToList();
        var exactPapers = paperQueries.Select(q => Exact(floats, n, dims, q)).ToList();

        Measure("exhaustive int8 scan + re-score (baseline)", index, searchQueries.Take(30).ToList(), exactSearch, paperQueries.Take(30).ToList(), exactPapers);
        GC.Collect();
        clock.Restart();
        var state = index.RebuildAsync().GetAwaiter().GetResult();
        Console.WriteLine($"IVF build: {state.Lists} lists over {state.BuiltOver:N0} vectors in {clock.Elapsed.TotalSeconds:F1} s ({Math.Max(1, Environment.ProcessorCount - 1)} build thread(s))");
        var auto = VectorIndex.ProbesFor(state.Lists);
        foreach (var probes in new[] { auto * 2 / 3, auto, auto * 3 / 2 })
        {
            index.Probes = probes;
            Measure($"IVF, {probes} probes{(probes == auto ? " (default)" : "")}", index, searchQueries, exactSearch, paperQueries, exactPapers);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var floatBytes = floats.LongLength * 4;
        Console.WriteLine($"memory: working set {process.WorkingSet64 / 1048576.0:F0} MB, of which the float32 copy for exact answers {floatBytes / 1048576.0:F0} MB, "
            + $"and the ONNX session for the queries; index = working set - float copy: {(process.WorkingSet64 - floatBytes) / 1048576.0:F0} MB");
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        Console.WriteLine($"managed heap {heap / 1048576.0:F0} MB; without the float32 copy {(heap - floatBytes) / 1048576.0:F0} MB (the index's arrays, ids and lists, plus the bench's queries)");
        GC.KeepAlive(floats);
        return 0;
    }

    static void Measure(string label, VectorIndex index, List<float[]> searchQueries, List<HashSet<int>> exactSearch, List<float[]> paperQueries, List<HashSet<int>> exactPapers)
    {
        index.Search(searchQueries[0], 10); // warm-up
        var times = new List<double>();
        double Recall(List<float[]> queries, List<HashSet<int>> exact)
        {
            var found = 0;
            for (var i = 0; i < queries.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                var hits = index.Search(queries[i], 10);
                times.Add(clock.Elapsed.TotalMilliseconds);
                found += hits.Count(h => exact[i].Contains(int.Parse(h.Id.AsSpan(1))));
            }
            return found / (10.0 * queries.Count);
        }
        var bySearch = Recall(searchQueries, exactSearch);
        var byPaper = Recall(paperQueries, exactPapers);
        times.Sort();
        Console.WriteLine($"{label}: p50 {Percentile(times, 0.50):F2} ms, p95 {Percentile(times, 0.95):F2} ms over {times.Count} searches; "
            + $"recall@10 vs float32 exact: search queries {bySearch:F3}, paper queries {byPaper:F3}");
    }

    static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];

    /// <summary>The exact float32 top 10, on both cores.</summary>
    static HashSet<int> Exact(float[] all, int n, int dims, float[] q)
    {
        var parts = Environment.ProcessorCount;
        var heaps = new PriorityQueue<int, float>[parts];
        Parallel.For(0, parts, part =>
        {
            var heap = new PriorityQueue<int, float>();
            for (var i = (int)((long)n * part / parts); i < (long)n * (part + 1) / parts; i++)
            {
                var s = TensorPrimitives.Dot(q, all.AsSpan(i * dims, dims));
                if (heap.Count < 10) heap.Enqueue(i, s);
                else if (heap.TryPeek(out _, out var min) && s > min) heap.EnqueueDequeue(i, s);
            }
            heaps[part] = heap;
        });
        return heaps.SelectMany(h => h.UnorderedItems).OrderByDescending(x => x.Priority).Take(10).Select(x => x.Element).ToHashSet();
    }

    static double NearestNeighbourCosine(float[][] real)
    {
        var sum = 0.0;
        for (var i = 0; i < real.Length; i += 10)
            sum += Enumerable.Range(0, real.Length).Where(j => j != i).Max(j => TensorPrimitives.Dot(real[i], real[j]));
        return sum / ((real.Length + 9) / 10);
    }
}
