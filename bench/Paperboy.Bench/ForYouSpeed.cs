using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Paperboy.Discovery;

namespace Paperboy.Bench;

/// <summary>
/// <c>recommend-speed</c>: BenchmarkDotNet, one call per iteration (so P95 is the p95 of single calls). 1,000,000 papers
/// with random unit vectors in the vector index; the recent window is the newest 20,000; a reader with 500 upvotes among
/// the older papers. Shipped: copy the window's vectors out of the index, fetch the liked vectors, train the reader's
/// model, score the window, re-rank the shortlist (blend + MMR) and find each pick's reason; the same with the window
/// already copied (as the 30-second cache serves every reader after the first); baseline side by side: plain max-sim
/// of all 500 liked papers over the window (nearest neighbours without a model).
/// </summary>
[Config(typeof(Config))]
public class ForYouSpeed
{
    public const int Papers = 1_000_000, Window = 20_000, Upvotes = 500, Take = 30;

    sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithInvocationCount(1).WithUnrollFactor(1)
                .WithWarmupCount(5).WithIterationCount(100));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
            AddColumnProvider(DefaultColumnProviders.Instance);
            AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
            AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub);
        }
    }

    VectorIndex _index = null!;
    List<string> _window = null!;
    List<string> _liked = null!;
    VectorBlock _block = null!;
    List<float[]> _likedVectors = null!;
    HashSet<string> _exclude = null!;

    [GlobalSetup]
    public void Setup()
    {
        _index = new VectorIndex(exactBelow: int.MaxValue);
        var random = new Random(20261208);
        var v = new float[384];
        for (var i = 0; i < Papers; i++)
        {
            for (var d = 0; d < v.Length; d++) v[d] = (float)(random.NextDouble() * 2 - 1);
            TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
            _index.Upsert(Id(i), v);
        }
        _window = Enumerable.Range(Papers - Window, Window).Select(Id).ToList();
        _liked = Enumerable.Range(0, Upvotes).Select(i => Id(random.Next(Papers - Window))).Distinct().ToList();
        _block = _index.Gather(_window);
        _likedVectors = _liked.Select(id => _index.Find(id)!).ToList();
        _exclude = [.. _liked];
    }

    static string Id(int i) => $"p{i:D7}";

    [Benchmark(Description = "For you: copy window + fetch liked + train + score + blend/MMR + reasons")]
    public int Shipped()
    {
        var block = _index.Gather(_window);
        var liked = _liked.Select(id => _index.Find(id)!).ToList();
        return TasteRanking.Rank(block, liked, [], _exclude, Take, Recommender.Method, Recommender.Diversity, 1).Count;
    }

    [Benchmark(Description = "For you, window cached: train + score + blend/MMR + reasons")]
    public int ShippedCachedWindow() =>
        TasteRanking.Rank(_block, _likedVectors, [], _exclude, Take, Recommender.Method, Recommender.Diversity, 1).Count;

    [Benchmark(Baseline = true, Description = "baseline: plain max-sim of 500 liked over the window")]
    public int MaxSimBaseline() => TasteRanking.Rank(_block, _likedVectors, [], _exclude, Take, TasteMethod.MaxSim, 0, 1).Count;

    public static int Run(string[] args)
    {
        if (args.FirstOrDefault() == "probe")
        {
            var b = new ForYouSpeed();
            b.Setup();
            foreach (var (name, f) in new (string, Func<int>)[] { ("shipped", b.Shipped), ("cached", b.ShippedCachedWindow), ("maxsim", b.MaxSimBaseline),
                ("gather", () => b._index.Gather(b._window).Count),
                ("train", () => ReaderModel.Train(b._likedVectors, b._likedVectors.Take(500).ToList(), [], 1).Weights.Length) })
            {
                var times = new List<double>();
                for (var i = 0; i < 15; i++) { var c = System.Diagnostics.Stopwatch.StartNew(); f(); times.Add(c.Elapsed.TotalMilliseconds); }
                times.Sort();
                Console.WriteLine($"{name}: median {times[7]:F1} ms, min {times[0]:F1} ms");
            }
            return 0;
        }
        BenchmarkRunner.Run<ForYouSpeed>(args: args);
        return 0;
    }
}
