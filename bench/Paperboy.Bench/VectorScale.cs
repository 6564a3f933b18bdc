using System.Diagnostics;
using System.Numerics.Tensors;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// <c>vector-scale VECTORS.f32 N</c>: N vectors made from the real ones (each a real vector plus Gaussian noise of
/// norm ~0.35, renormalized) in the in-memory int8 index; 50 real vectors as queries. Prints search latency
/// (p50/p95), recall@10 against exact float32 search over the same N vectors, and the process's memory.
/// </summary>
public static class VectorScale
{
    public static int Run(string vectorsPath, int n)
    {
        const int dims = 384;
        var real = EmbedCorpus.Load(vectorsPath, dims);
        var random = new Random(42);
        var index = new VectorIndex(dims);
        var floats = new float[(long)n * dims];
        var v = new float[dims];
        for (var i = 0; i < n; i++)
        {
            var source = real[i % real.Length];
            for (var d = 0; d < dims; d++) v[d] = source[d] + (i < real.Length ? 0 : (float)(Gaussian(random) * 0.018));
            TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
            v.CopyTo(floats.AsSpan(i * dims, dims));
            index.Upsert($"p{i}", v);
        }
        GC.Collect();
        var floatBytes = floats.LongLength * 4;
        var memory = Process.GetCurrentProcess().WorkingSet64 - floatBytes;
        var queries = Enumerable.Range(0, 50).Select(i => real[(i * 37) % real.Length]).ToList();
        index.Search(queries[0], 10); // warm-up
        var times = new List<double>();
        var found = 0;
        foreach (var q in queries)
        {
            var clock = Stopwatch.StartNew();
            var hits = index.Search(q, 10);
            times.Add(clock.Elapsed.TotalMilliseconds);
            var exact = Exact(floats, n, dims, q, 10);
            found += hits.Count(h => exact.Contains(int.Parse(h.Id.AsSpan(1))));
        }
        times.Sort();
        Console.WriteLine($"vectors {n:N0}: int8 exhaustive search p50 {times[25]:F1} ms, p95 {times[47]:F1} ms, recall@10 vs float32 exact {found / 500.0:F3}");
        Console.WriteLine($"working set without the float32 copy used for the exact answers: {memory / 1048576.0:F0} MB");
        return 0;
    }

    static HashSet<int> Exact(float[] all, int n, int dims, float[] q, int k)
    {
        var heap = new PriorityQueue<int, float>();
        for (var i = 0; i < n; i++)
        {
            var s = TensorPrimitives.Dot(q, all.AsSpan(i * dims, dims));
            if (heap.Count < k) heap.Enqueue(i, s);
            else if (heap.TryPeek(out _, out var min) && s > min) heap.EnqueueDequeue(i, s);
        }
        return heap.UnorderedItems.Select(x => x.Element).ToHashSet();
    }

    static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
