using System.Numerics.Tensors;

namespace Paperboy.Bench;

/// <summary>
/// Vectors of made-up papers for the 1M benchmark, each distinct rather than a near-copy of one real paper:
/// normalize(w·a + (1−w)·b + g), a and b two real papers' vectors picked at random, w uniform in [0.6, 0.9],
/// g Gaussian noise of norm 0.45 — a paper mostly about a's topic, partly about b's, in its own words.
/// </summary>
public sealed class SyntheticVectors(float[][] real, int seed)
{
    const double NoiseNorm = 0.45;
    readonly Random _random = new(seed);
    readonly int _dims = real[0].Length;
    double _sumToA, _sumToB, _minToA = 1, _maxToA = -1;
    long _made;

    public float[] Next()
    {
        var a = real[_random.Next(real.Length)];
        var b = real[_random.Next(real.Length)];
        var w = (float)(0.6 + 0.3 * _random.NextDouble());
        var v = new float[_dims];
        for (var d = 0; d < _dims; d++) v[d] = w * a[d] + (1 - w) * b[d] + (float)(NoiseNorm / Math.Sqrt(_dims) * Gaussian());
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        var toA = TensorPrimitives.Dot(v, a);
        _sumToA += toA;
        _sumToB += TensorPrimitives.Dot(v, b);
        _minToA = Math.Min(_minToA, toA);
        _maxToA = Math.Max(_maxToA, toA);
        _made++;
        return v;
    }

    public string Describe() => _made == 0 ? "no synthetic vectors" :
        $"synthetic papers: cosine to their main source a mean {_sumToA / _made:F3} (min {_minToA:F3}, max {_maxToA:F3}), to their second source b mean {_sumToB / _made:F3}";

    double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
