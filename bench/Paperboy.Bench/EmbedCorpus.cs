using System.Diagnostics;
using System.Runtime.InteropServices;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// <c>embed-corpus CORPUS MODEL OUT.f32</c>: embeds every paper (title + abstract) and appends float32 rows to OUT,
/// resuming after the rows already there, so the vectors are computed once and cached outside the repo.
/// </summary>
public static class EmbedCorpus
{
    public static int Run(string corpusPath, string modelName, string outPath)
    {
        var model = EmbeddingModel.Find(modelName) ?? throw new ArgumentException($"unknown model {modelName}");
        var corpus = EvalPaper.Read(corpusPath);
        var rowBytes = model.Dimensions * sizeof(float);
        var done = File.Exists(outPath) ? (int)(new FileInfo(outPath).Length / rowBytes) : 0;
        using var embedder = new Embedder(model);
        using var output = new FileStream(outPath, FileMode.Append);
        var clock = Stopwatch.StartNew();
        for (var start = done; start < corpus.Count; start += 256)
        {
            var chunk = corpus.Skip(start).Take(256).Select(p => EmbeddingModel.PaperText(p.Title, p.Abstract)).ToList();
            foreach (var v in embedder.Embed(chunk)) output.Write(MemoryMarshal.AsBytes(v.AsSpan()));
            output.Flush();
            var n = start + chunk.Count - done;
            Console.WriteLine($"{model.Name}: {start + chunk.Count}/{corpus.Count}, {n / clock.Elapsed.TotalSeconds:F1} papers/s");
        }
        return 0;
    }

    public static float[][] Load(string path, int dimensions)
    {
        var bytes = File.ReadAllBytes(path);
        var all = MemoryMarshal.Cast<byte, float>(bytes);
        var rows = new float[all.Length / dimensions][];
        for (var i = 0; i < rows.Length; i++) rows[i] = all.Slice(i * dimensions, dimensions).ToArray();
        return rows;
    }
}
