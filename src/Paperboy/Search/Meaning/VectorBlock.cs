namespace Paperboy.Search.Meaning;

/// <summary>
/// A copy of some papers' stored vectors side by side (int8 codes and their steps, as the index holds them), for
/// scoring every one of a few thousand papers against one direction, e.g. a reader's model over the recent papers:
/// one int8 dot product per paper, no partition, no re-scoring. <see cref="VectorIndex.Gather"/> makes one.
/// </summary>
public sealed class VectorBlock(string[] ids, sbyte[] codes, float[] steps, int dimensions)
{
    public static readonly VectorBlock Empty = new([], [], [], 0);

    public int Count => ids.Length;
    public int Dimensions => dimensions;
    public IReadOnlyList<string> Ids => ids;

    /// <summary>Each paper's dot product with <paramref name="direction"/> (any length, not only unit vectors).</summary>
    public void Score(ReadOnlySpan<float> direction, Span<float> into)
    {
        if (Count == 0) return;
        var q = new short[dimensions];
        var back = Int8Vectors.QuantizeQuery(direction, q);
        for (var i = 0; i < ids.Length; i++)
            into[i] = Int8Vectors.Dot(q, codes.AsSpan(i * dimensions, dimensions)) * steps[i] * back;
    }

    /// <summary>The paper's vector as floats (codes only: within about 1% of the stored vector, plenty to train on).</summary>
    public void Restore(int row, Span<float> into)
    {
        var c = codes.AsSpan(row * dimensions, dimensions);
        for (var i = 0; i < dimensions; i++) into[i] = c[i] * steps[row];
    }

    /// <summary>Cosine of two rows (the stored vectors are unit length).</summary>
    public float Similarity(int a, int b)
    {
        var x = codes.AsSpan(a * dimensions, dimensions);
        var y = codes.AsSpan(b * dimensions, dimensions);
        var sum = 0;
        for (var i = 0; i < dimensions; i++) sum += x[i] * y[i];
        return sum * steps[a] * steps[b];
    }

    /// <summary>Several query vectors made ready for <see cref="Nearest"/> (quantized once, as a search quantizes its query).</summary>
    public QueryBatch Prepare(IReadOnlyList<float[]> queries)
    {
        var q = new short[queries.Count * dimensions];
        var back = new float[queries.Count];
        for (var i = 0; i < queries.Count; i++) back[i] = Int8Vectors.QuantizeQuery(queries[i], q.AsSpan(i * dimensions, dimensions));
        return new QueryBatch(q, back, queries.Count);
    }

    /// <summary>The query of <paramref name="batch"/> with the highest dot product with the row, and that product (int8 arithmetic).</summary>
    public (int Query, float Score) Nearest(int row, QueryBatch batch)
    {
        var c = codes.AsSpan(row * dimensions, dimensions);
        var (best, at) = (float.NegativeInfinity, 0);
        for (var i = 0; i < batch.Count; i++)
        {
            var s = Int8Vectors.Dot(batch.Codes.AsSpan(i * dimensions, dimensions), c) * batch.Back[i];
            if (s > best) (best, at) = (s, i);
        }
        return (at, best * steps[row]);
    }

}

/// <summary>Query vectors quantized for <see cref="VectorBlock.Nearest"/>.</summary>
public sealed record QueryBatch(short[] Codes, float[] Back, int Count);
