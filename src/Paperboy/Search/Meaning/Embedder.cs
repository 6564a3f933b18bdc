using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Paperboy.Search.Meaning;

/// <summary>
/// Turns texts into unit-length vectors with ONNX Runtime, in process. One session, shared: ONNX Runtime's
/// Run is thread-safe. Batches are sorted by length so that padding costs little.
/// </summary>
public sealed class Embedder : IDisposable
{
    readonly InferenceSession _session;
    readonly WordPieceTokenizer _tokenizer;
    public EmbeddingModel Model { get; }

    public Embedder(EmbeddingModel model, int intraOpThreads = 2)
    {
        Model = model;
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        // ONNX Runtime's intra-op threads spin between runs by default, taking the cores from the rest of a search (the
        // words side's queries, the vector index): hybrid at 1M went from p95 59 ms to 34 ms without it, while the
        // back-fill keeps 94% of a spinning raw session's rate (docs/benchmarks.md).
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        byte[] bytes;
        using (var stream = model.OpenResource("model.onnx"))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        _session = new InferenceSession(bytes, options);
        using var vocab = model.OpenResource("vocab.txt");
        _tokenizer = new WordPieceTokenizer(vocab);
    }

    /// <summary>A search query's vector (with the model's query prefix).</summary>
    public float[] EmbedQuery(string query) => Embed([Model.QueryPrefix + query])[0];

    /// <summary>Vectors of documents, in input order; each batch of <paramref name="batchSize"/> is one model run.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, int batchSize = 16, CancellationToken ct = default)
    {
        var tokens = texts.Select(t => _tokenizer.Encode(t, Model.MaxTokens)).ToArray();
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Count).ToArray();
        var result = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += batchSize)
        {
            ct.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(batchSize, order.Length - start)).ToArray();
            var vectors = Run(batch.Select(i => tokens[i]).ToArray());
            for (var j = 0; j < batch.Length; j++) result[batch[j]] = vectors[j];
        }
        return result;
    }

    float[][] Run(List<int>[] batch)
    {
        var rows = batch.Length;
        var cols = batch.Max(t => t.Count);
        var ids = new long[rows * cols];
        var mask = new long[rows * cols];
        var types = new long[rows * cols];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < batch[r].Count; c++)
            {
                ids[r * cols + c] = batch[r][c];
                mask[r * cols + c] = 1;
            }
        long[] shape = [rows, cols];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions,
            new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue, ["token_type_ids"] = typesValue },
            ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dim = Model.Dimensions;
        var vectors = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var v = new float[dim];
            var rowStart = r * cols * dim;
            if (Model.ClsPooling) hidden.Slice(rowStart, dim).CopyTo(v);
            else
            {
                var n = batch[r].Count;
                for (var c = 0; c < n; c++) TensorPrimitives.Add(v, hidden.Slice(rowStart + c * dim, dim), v);
                TensorPrimitives.Divide(v, n, v);
            }
            var norm = TensorPrimitives.Norm(v);
            if (norm > 0) TensorPrimitives.Divide(v, norm, v);
            vectors[r] = v;
        }
        return vectors;
    }

    public void Dispose() => _session.Dispose();
}
