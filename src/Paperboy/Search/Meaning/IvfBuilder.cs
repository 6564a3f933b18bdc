using System.Numerics.Tensors;

namespace Paperboy.Search.Meaning;

/// <summary>
/// Plans an <see cref="IvfPartition"/> over a snapshot of the stored vectors: spherical k-means on a sample
/// (√N lists, 40 sample vectors per list, 10 rounds), then every vector's nearest list. Runs on a background
/// thread while the index keeps serving from what it had.
/// </summary>
static class IvfBuilder
{
    const int SamplePerList = 40;
    const int Rounds = 10;

    public static int ListsFor(int count) => Math.Clamp((int)Math.Round(Math.Sqrt(count)), 8, 4096);

    /// <summary>Trains the centroids and finds every vector's list: what the index then reorders its slots by.</summary>
    public static IvfPlan Plan(sbyte[] codes, float[] steps, int count, int dimensions, int threads, int seed = 17)
    {
        var lists = Math.Min(ListsFor(count), Math.Max(1, count));
        var random = new Random(seed);
        var sample = Sample(count, Math.Min(count, lists * SamplePerList), random);
        var centroids = count == 0 ? new float[dimensions] : Train(codes, steps, sample, lists, dimensions, threads, random);
        var centroidCodes = new short[centroids.Length];
        var centroidScales = new float[lists];
        for (var c = 0; c < lists; c++)
            centroidScales[c] = Int8Vectors.QuantizeQuery(centroids.AsSpan(c * dimensions, dimensions), centroidCodes.AsSpan(c * dimensions, dimensions));
        var assigned = new int[count];
        var fit = new double[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
        {
            for (var slot = (int)((long)count * part / threads); slot < (long)count * (part + 1) / threads; slot++)
            {
                var (list, score) = IvfPartition.Nearest(centroidCodes, centroidScales, dimensions, codes.AsSpan(slot * dimensions, dimensions));
                assigned[slot] = list;
                fit[part] += score * steps[slot];
            }
        });
        return new IvfPlan(centroids, assigned, count == 0 ? 0 : fit.Sum() / count);
    }

    /// <summary>Spherical k-means: centroids are unit vectors, vectors go to the centroid of highest cosine.</summary>
    static float[] Train(sbyte[] codes, float[] steps, int[] sample, int lists, int dimensions, int threads, Random random)
    {
        var vectors = new float[sample.Length * dimensions];
        for (var i = 0; i < sample.Length; i++)
        {
            var row = vectors.AsSpan(i * dimensions, dimensions);
            TensorPrimitives.Multiply(Widen(codes.AsSpan(sample[i] * dimensions, dimensions)), steps[sample[i]], row);
        }
        var centroids = new float[lists * dimensions];
        for (var c = 0; c < lists; c++) vectors.AsSpan((c % sample.Length) * dimensions, dimensions).CopyTo(centroids.AsSpan(c * dimensions));
        var assigned = new int[sample.Length];
        for (var round = 0; round < Rounds; round++)
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
            {
                for (var i = sample.Length * part / threads; i < sample.Length * (part + 1) / threads; i++)
                    assigned[i] = Nearest(centroids, lists, dimensions, vectors.AsSpan(i * dimensions, dimensions));
            });
            Array.Clear(centroids);
            var sizes = new int[lists];
            for (var i = 0; i < sample.Length; i++)
            {
                sizes[assigned[i]]++;
                TensorPrimitives.Add(centroids.AsSpan(assigned[i] * dimensions, dimensions), vectors.AsSpan(i * dimensions, dimensions), centroids.AsSpan(assigned[i] * dimensions, dimensions));
            }
            for (var c = 0; c < lists; c++)
            {
                var centroid = centroids.AsSpan(c * dimensions, dimensions);
                // An empty list restarts from a random sample vector rather than staying dead.
                if (sizes[c] == 0) vectors.AsSpan(random.Next(sample.Length) * dimensions, dimensions).CopyTo(centroid);
                var norm = TensorPrimitives.Norm(centroid);
                if (norm > 0) TensorPrimitives.Divide(centroid, norm, centroid);
            }
        }
        return centroids;
    }

    static int Nearest(float[] centroids, int lists, int dimensions, ReadOnlySpan<float> v)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < lists; c++)
        {
            var s = TensorPrimitives.Dot(v, centroids.AsSpan(c * dimensions, dimensions));
            if (s > bestScore) (best, bestScore) = (c, s);
        }
        return best;
    }

    /// <summary><paramref name="n"/> distinct slots out of <paramref name="count"/>, at random.</summary>
    static int[] Sample(int count, int n, Random random)
    {
        if (n == count) return Enumerable.Range(0, count).ToArray();
        var chosen = new HashSet<int>();
        while (chosen.Count < n) chosen.Add(random.Next(count));
        return chosen.Order().ToArray();
    }

    static float[] Widen(ReadOnlySpan<sbyte> codes)
    {
        var v = new float[codes.Length];
        for (var i = 0; i < codes.Length; i++) v[i] = codes[i];
        return v;
    }
}

/// <summary>A build's outcome: the centroids, each vector's list, and the vectors' mean cosine to their centroid.</summary>
sealed record IvfPlan(float[] Centroids, int[] Assigned, double Fit);
