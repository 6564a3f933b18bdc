using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// <c>backfill-rate CORPUS N [ROUNDS]</c>: the same N real abstracts embedded (a) by a bare ONNX Runtime loop —
/// one InferenceSession with the app's settings (2 intra-op threads, all graph optimizations), inputs tokenized
/// beforehand, sorted by length, batches of 16 padded to the batch's longest — and (b) by the app's
/// <see cref="EmbeddingBackfill"/> over a fresh SQLite database holding those N papers (reading them, tokenizing,
/// running the model, pooling, storing the vectors, filling the index). Alternates (a) and (b) ROUNDS times and
/// prints each rate, the best of each and their ratio.
/// </summary>
public static class BackfillRate
{
    const int BatchSize = 16;

    public static async Task<int> RunAsync(string corpusPath, int n, int rounds)
    {
        var corpus = EvalPaper.Read(corpusPath).Take(n).ToList();
        var model = EmbeddingModel.ArcticXs;
        var texts = corpus.Select(p => EmbeddingModel.PaperText(p.Title, p.Abstract)).ToList();
        using var raw = new RawLoop(model);
        raw.Run(texts.Take(BatchSize).ToList()); // warm-up: first runs allocate ORT's arenas
        double bestRaw = 0, bestApp = 0;
        for (var round = 0; round < rounds; round++)
        {
            var rawRate = raw.Run(texts);
            var appRate = await AppAsync(corpus, model, round);
            bestRaw = Math.Max(bestRaw, rawRate);
            bestApp = Math.Max(bestApp, appRate);
            Console.WriteLine($"round {round + 1}: raw ONNX Runtime {rawRate:F1} papers/s, app back-fill {appRate:F1} papers/s ({appRate / rawRate:P0})");
        }
        Console.WriteLine($"best of {rounds}: raw {bestRaw:F1} papers/s, back-fill {bestApp:F1} papers/s, ratio {bestApp / bestRaw:P1} ({n} papers, {model.Name}, {Environment.ProcessorCount} cores)");
        return 0;
    }

    static async Task<double> AppAsync(List<EvalPaper> corpus, EmbeddingModel model, int round)
    {
        await using var app = await BenchHost.StartAsync($"/tmp/paperboy-eval/db-backfill-{round}", model.Name, fresh: true);
        await BenchHost.InsertAsync(app, corpus);
        var backfill = app.Services.GetRequiredService<EmbeddingBackfill>();
        app.Services.GetRequiredService<EmbedderProvider>().Get().Embed([corpus[0].Title]); // the session loads outside the clock, as in (a)
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (await backfill.RunBatchAsync(256, CancellationToken.None) is var k and > 0) done += k;
        if (done != corpus.Count) throw new InvalidOperationException($"the back-fill embedded {done} of {corpus.Count} papers");
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The bare loop: session.Run over pre-tokenized, length-sorted batches; nothing else is timed.</summary>
    sealed class RawLoop : IDisposable
    {
        readonly InferenceSession _session;
        readonly WordPieceTokenizer _tokenizer;
        readonly EmbeddingModel _model;

        public RawLoop(EmbeddingModel model)
        {
            _model = model;
            using var options = new Microsoft.ML.OnnxRuntime.SessionOptions
            {
                IntraOpNumThreads = 2, InterOpNumThreads = 1,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            };
            using var stream = model.OpenResource("model.onnx");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            _session = new InferenceSession(bytes, options);
            using var vocab = model.OpenResource("vocab.txt");
            _tokenizer = new WordPieceTokenizer(vocab);
        }

        public double Run(List<string> texts)
        {
            var tokens = texts.Select(t => _tokenizer.Encode(t, _model.MaxTokens)).OrderBy(t => t.Count).ToList();
            var clock = Stopwatch.StartNew();
            foreach (var batch in tokens.Chunk(BatchSize))
            {
                var cols = batch.Max(t => t.Count);
                var ids = new long[batch.Length * cols];
                var mask = new long[batch.Length * cols];
                for (var r = 0; r < batch.Length; r++)
                    for (var c = 0; c < batch[r].Count; c++) { ids[r * cols + c] = batch[r][c]; mask[r * cols + c] = 1; }
                long[] shape = [batch.Length, cols];
                using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
                using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
                using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[batch.Length * cols], shape);
                using var runOptions = new RunOptions();
                using var outputs = _session.Run(runOptions,
                    new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue, ["token_type_ids"] = typesValue },
                    ["last_hidden_state"]);
            }
            return texts.Count / clock.Elapsed.TotalSeconds;
        }

        public void Dispose() => _session.Dispose();
    }
}
