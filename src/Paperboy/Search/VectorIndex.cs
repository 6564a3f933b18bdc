using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Numerics.Tensors;

namespace Paperboy.Search;

/// <summary>
/// Every paper's vector in memory, int8-quantized (a byte per dimension, one scale per vector: 1M papers × 384
/// dimensions ≈ 390 MB), searched exhaustively with SIMD int8 dot products on all cores. Exact search over the
/// quantized vectors; see docs/benchmarks.md "Search" for its speed and its recall against float32.
/// Writers take a lock; readers search a snapshot of the arrays, so a search never waits for the back-fill.
/// </summary>
public sealed class VectorIndex(int dimensions = 384)
{
    readonly Lock _gate = new();
    readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    string[] _ids = new string[1024];
    sbyte[] _data = new sbyte[1024 * dimensions];
    float[] _inverseScales = new float[1024];
    int _count;

    public int Dimensions => dimensions;
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds a paper's unit vector, or replaces the one it had.</summary>
    public void Upsert(string id, ReadOnlySpan<float> vector)
    {
        if (vector.Length != dimensions) throw new ArgumentException($"expected {dimensions} dimensions, got {vector.Length}", nameof(vector));
        lock (_gate)
        {
            if (!_slots.TryGetValue(id, out var slot))
            {
                slot = _count;
                if (slot == _ids.Length) Grow();
                _ids[slot] = id;
                _slots[id] = slot;
            }
            _inverseScales[slot] = Quantize(vector, _data.AsSpan(slot * dimensions, dimensions));
            if (slot == _count) Volatile.Write(ref _count, _count + 1);
        }
    }

    public bool Contains(string id)
    {
        lock (_gate) return _slots.ContainsKey(id);
    }

    /// <summary>The stored (de-quantized) vector of a paper, or null when it has none yet.</summary>
    public float[]? Find(string id)
    {
        lock (_gate)
        {
            if (!_slots.TryGetValue(id, out var slot)) return null;
            var v = new float[dimensions];
            var q = _data.AsSpan(slot * dimensions, dimensions);
            for (var i = 0; i < dimensions; i++) v[i] = q[i] * _inverseScales[slot];
            return v;
        }
    }

    /// <summary>The <paramref name="k"/> nearest papers by cosine similarity, best first, leaving out <paramref name="except"/>.</summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, string? except = null)
    {
        string[] ids; sbyte[] data; float[] scales; int count;
        lock (_gate) { ids = _ids; data = _data; scales = _inverseScales; count = _count; }
        if (count == 0 || k <= 0) return [];
        // The query keeps 13 bits (the stored vectors 8): its own rounding error then costs no recall.
        var q = new short[dimensions];
        var queryScale = QuantizeQuery(query, q);
        var parts = count < 20_000 ? 1 : Environment.ProcessorCount;
        var tops = new TopK[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            var top = new TopK(k + 1);
            var from = (int)((long)count * part / parts);
            var to = (int)((long)count * (part + 1) / parts);
            for (var i = from; i < to; i++)
                top.Offer(i, Dot(q, data.AsSpan(i * dimensions, dimensions)) * scales[i]);
            tops[part] = top;
        });
        return tops.SelectMany(t => t.Items)
            .Where(h => ids[h.Slot] != except)
            .OrderByDescending(h => h.Score).Take(k)
            .Select(h => new VectorHit(ids[h.Slot], h.Score * queryScale)).ToList();
    }

    /// <summary>Writes round(v × 127 / max|v|) into <paramref name="into"/>; returns the factor back to floats.</summary>
    static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> into)
    {
        var max = TensorPrimitives.MaxMagnitude(vector);
        if (max == 0) { into.Clear(); return 0; }
        var scale = 127f / Math.Abs(max);
        for (var i = 0; i < vector.Length; i++) into[i] = (sbyte)MathF.Round(vector[i] * scale);
        return 1f / scale;
    }

    /// <summary>Writes round(v × 8191 / max|v|) into <paramref name="into"/>; returns the factor back to floats.</summary>
    static float QuantizeQuery(ReadOnlySpan<float> vector, Span<short> into)
    {
        var max = TensorPrimitives.MaxMagnitude(vector);
        if (max == 0) { into.Clear(); return 0; }
        var scale = 8191f / Math.Abs(max);
        for (var i = 0; i < vector.Length; i++) into[i] = (short)MathF.Round(vector[i] * scale);
        return 1f / scale;
    }

    /// <summary>
    /// Dot product of an int16 query with an int8 vector. TensorPrimitives.Dot would accumulate in the element type
    /// and overflow, so this widens the stored bytes to 16 bits and uses the multiply-add-adjacent instruction
    /// (32 products per step) where the CPU has AVX2. |sum| ≤ 384 × 8191 × 127 fits an int.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Dot(ReadOnlySpan<short> q, ReadOnlySpan<sbyte> v)
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

    void Grow()
    {
        var size = _ids.Length * 2;
        Array.Resize(ref _ids, size);
        var data = new sbyte[size * dimensions];
        _data.AsSpan(0, _count * dimensions).CopyTo(data);
        _data = data;
        Array.Resize(ref _inverseScales, size);
    }

    /// <summary>A fixed-size min-heap of the best scores seen.</summary>
    sealed class TopK(int k)
    {
        readonly PriorityQueue<(int Slot, float Score), float> _heap = new(k + 1);

        public void Offer(int slot, float score)
        {
            if (_heap.Count < k) _heap.Enqueue((slot, score), score);
            else if (score > _heap.Peek().Score) _heap.EnqueueDequeue((slot, score), score);
        }

        public IEnumerable<(int Slot, float Score)> Items => _heap.UnorderedItems.Select(x => x.Element);
    }
}

public readonly record struct VectorHit(string Id, float Score);
