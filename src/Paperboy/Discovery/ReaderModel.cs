using System.Numerics.Tensors;

namespace Paperboy.Discovery;

/// <summary>
/// A reader's taste as a linear model over the sentence vectors, as arxiv-sanity does with its per-reader SVM:
/// L2-regularised logistic regression trained by a few epochs of SGD, positives (upvoted and saved papers) against
/// negatives (dismissed papers, weighted more, and a sample of the recent papers), each class weighted to balance.
/// Vectors are centred on the negatives' mean first: sentence vectors all point roughly one way, and the model should
/// learn what sets the liked papers apart, not that direction. About 1,000 examples × 384 dimensions × 12 epochs is a
/// few million multiply-adds: a few milliseconds.
/// </summary>
public sealed class ReaderModel
{
    public const int Epochs = 12;
    const float Lambda = 1e-3f;
    const float DismissedWeight = 3f;

    public required float[] Weights { get; init; }
    public float Bias { get; init; }

    /// <summary>
    /// Trains on <paramref name="positives"/> against <paramref name="negatives"/> and <paramref name="dismissed"/>;
    /// the same inputs and seed give the same model.
    /// </summary>
    public static ReaderModel Train(IReadOnlyList<float[]> positives, IReadOnlyList<float[]> negatives, IReadOnlyList<float[]> dismissed, int seed)
    {
        var d = positives[0].Length;
        var mean = new float[d];
        foreach (var n in negatives) TensorPrimitives.Add(mean, n, mean);
        if (negatives.Count > 0) TensorPrimitives.Divide(mean, negatives.Count, mean);
        var examples = new List<(float[] X, float Y, float Weight)>(positives.Count + negatives.Count + dismissed.Count);
        var negativeCount = negatives.Count + dismissed.Count * DismissedWeight;
        // Balanced: each class carries half the loss, so 5 upvotes against 500 random papers still count.
        var total = positives.Count + negativeCount;
        foreach (var p in positives) examples.Add((Centred(p, mean), 1, total / (2f * positives.Count)));
        foreach (var n in negatives) examples.Add((Centred(n, mean), -1, negativeCount == 0 ? 0 : total / (2f * negativeCount)));
        foreach (var n in dismissed) examples.Add((Centred(n, mean), -1, DismissedWeight * total / (2f * negativeCount)));

        var w = new float[d];
        float b = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var step = 0;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (x, y, weight) = examples[i];
                var rate = 1f / (Lambda * (step++ + 100));
                rate = Math.Min(rate, 2f);
                var margin = y * (TensorPrimitives.Dot(w, x) + b);
                // d/dz log(1 + e^-z) = -1 / (1 + e^z)
                var g = weight * y / (1f + MathF.Exp(Math.Clamp(margin, -30, 30)));
                TensorPrimitives.Multiply(w, 1 - rate * Lambda, w);
                TensorPrimitives.MultiplyAdd(x, rate * g, w, w);
                b += rate * g * 0.1f;
            }
        }
        return new ReaderModel { Weights = w, Bias = b - TensorPrimitives.Dot(w, mean) };
    }

    static float[] Centred(float[] x, float[] mean)
    {
        var c = new float[x.Length];
        TensorPrimitives.Subtract(x, mean, c);
        return c;
    }
}
