using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Paperboy.Search.Meaning;

/// <summary>
/// How the vector index stores and compares vectors. A stored vector is int8 codes (round(v / step), step =
/// max|v| / 127) plus a 4-bit residual per dimension (round((v − code × step) / (step / 14)), two to a byte): the
/// int8 codes are scanned, the residuals only re-score the few hundred best candidates, which makes their order
/// the float32 order to about 3e-5 in cosine for 1.5 bytes per dimension instead of 4.
/// </summary>
static class Int8Vectors
{
    public const int ResidualSteps = 14;

    /// <summary>Writes the codes and the packed residuals of <paramref name="vector"/>; returns the step (0 for a zero vector).</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes, Span<byte> residuals)
    {
        var max = TensorPrimitives.MaxMagnitude(vector);
        residuals.Fill(0x88);
        if (max == 0) { codes.Clear(); return 0; }
        var step = Math.Abs(max) / 127f;
        var fine = step / ResidualSteps;
        for (var i = 0; i < vector.Length; i++)
        {
            var code = (int)MathF.Round(vector[i] / step);
            codes[i] = (sbyte)code;
            var r = Math.Clamp((int)MathF.Round((vector[i] - code * step) / fine), -7, 7) + 8;
            residuals[i >> 1] = (i & 1) == 0 ? (byte)((residuals[i >> 1] & 0xF0) | r) : (byte)((residuals[i >> 1] & 0x0F) | (r << 4));
        }
        return step;
    }

    /// <summary>The stored vector back as floats (codes and residuals).</summary>
    public static void Restore(ReadOnlySpan<sbyte> codes, ReadOnlySpan<byte> residuals, float step, Span<float> into)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            var r = ((i & 1) == 0 ? residuals[i >> 1] & 0x0F : residuals[i >> 1] >> 4) - 8;
            into[i] = (codes[i] + r / (float)ResidualSteps) * step;
        }
    }

    /// <summary>The fine score: the query's dot product with the stored vector including its residuals.</summary>
    public static float FineDot(ReadOnlySpan<float> query, ReadOnlySpan<sbyte> codes, ReadOnlySpan<byte> residuals, float step)
    {
        float coarse = 0, fine = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            coarse += query[i] * codes[i];
            fine += query[i] * (((i & 1) == 0 ? residuals[i >> 1] & 0x0F : residuals[i >> 1] >> 4) - 8);
        }
        return (coarse + fine / ResidualSteps) * step;
    }

    /// <summary>Writes round(v × 8191 / max|v|) into <paramref name="into"/>; returns the factor back to floats.</summary>
    public static float QuantizeQuery(ReadOnlySpan<float> vector, Span<short> into)
    {
        var max = TensorPrimitives.MaxMagnitude(vector);
        if (max == 0) { into.Clear(); return 0; }
        var scale = 8191f / Math.Abs(max);
        for (var i = 0; i < vector.Length; i++) into[i] = (short)MathF.Round(vector[i] * scale);
        return 1f / scale;
    }

    /// <summary>
    /// Dot product of an int16 query with int8 codes. TensorPrimitives.Dot would accumulate in the element type
    /// and overflow, so this widens the codes to 16 bits and uses the multiply-add-adjacent instruction
    /// (32 products per step) where the CPU has AVX2. |sum| ≤ 384 × 8191 × 127 fits an int.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<short> q, ReadOnlySpan<sbyte> v)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported)
        {
            var acc = Vector256<int>.Zero;
            ref var rq = ref MemoryMarshal.GetReference(q);
            ref var rv = ref MemoryMarshal.GetReference(v);
            for (; i + 32 <= v.Length; i += 32)
            {
                var (vlo, vhi) = Vector256.Widen(Vector256.LoadUnsafe(ref rv, (nuint)i));
                var qlo = Vector256.LoadUnsafe(ref rq, (nuint)i);
                var qhi = Vector256.LoadUnsafe(ref rq, (nuint)(i + 16));
                acc = Avx2.Add(acc, Avx2.Add(Avx2.MultiplyAddAdjacent(vlo, qlo), Avx2.MultiplyAddAdjacent(vhi, qhi)));
            }
            sum = Vector256.Sum(acc);
        }
        for (; i < v.Length; i++) sum += q[i] * v[i];
        return sum;
    }
}
