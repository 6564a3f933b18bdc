using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Paperboy.Domain;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Bench;

/// <summary>
/// Computed keywords per paper against the baseline of only splitting the same title and abstract into words, over the
/// first 2,000 papers of the 75k snapshot (docs/benchmarks.md, "Computed keywords"). One operation is one paper.
/// </summary>
[MemoryDiagnoser]
public class KeyphraseSpeed
{
    const int Papers = 2_000;
    List<(string Title, string Abstract)> _papers = [];

    public static int Run(string[] args)
    {
        BenchmarkRunner.Run<KeyphraseSpeed>(args: args);
        return 0;
    }

    [GlobalSetup]
    public void Load()
    {
        using var gz = new GZipStream(File.OpenRead(SharedData.PathOf("arxiv-snapshot", "arxiv-metadata-75k.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        while (_papers.Count < Papers && reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            _papers.Add((doc.RootElement.GetProperty("title").GetString()!, doc.RootElement.GetProperty("abstract").GetString()!));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Papers)]
    public int Tokenise()
    {
        var n = 0;
        foreach (var (title, @abstract) in _papers) n += KeyphraseTokens.Of(title, @abstract).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Papers)]
    public int Keywords()
    {
        var n = 0;
        foreach (var (title, @abstract) in _papers) n += Keyphrases.Of(title, @abstract).Count;
        return n;
    }
}
