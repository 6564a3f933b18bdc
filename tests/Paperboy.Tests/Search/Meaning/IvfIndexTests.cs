using System.Numerics.Tensors;
using Paperboy.Search.Meaning;

namespace Paperboy.Tests.Search.Meaning;

/// <summary>The approximate (IVF) side of the vector index, on clustered vectors like papers' topics.</summary>
public sealed class IvfIndexTests
{
    [Fact]
    public async Task TheApproximateIndexFindsNearlyTheSameTopTenAsExactFloatSearch()
    {
        var random = new Random(11);
        var vectors = Clustered(random, 4000);
        var index = Filled(vectors, exactBelow: 1000);
        var state = await index.RebuildAsync();
        Assert.Equal(63, state.Lists);
        var found = 0;
        for (var t = 0; t < 50; t++)
        {
            var query = Near(vectors[random.Next(vectors.Length)], random, 0.6);
            var exact = ExactTop(vectors, query, 10);
            found += index.Search(query, 10).Count(h => exact.Contains(h.Id));
        }
        Assert.True(found >= 0.95 * 500, $"recall@10 {found / 500.0:F3}");
    }

    [Fact]
    public async Task VectorsAddedOrReplacedAfterTheBuildAreFoundInTheirNewPlace()
    {
        var random = new Random(12);
        var vectors = Clustered(random, 3000);
        var index = Filled(vectors, exactBelow: 1000);
        await index.RebuildAsync();
        var added = Near(vectors[5], random, 0.1);
        index.Upsert("new", added);
        Assert.Equal("new", index.Search(added, 1)[0].Id);

        index.Upsert("p5", vectors[2000]);
        Assert.Equal(["p2000", "p5"], index.Search(vectors[2000], 2).Select(h => h.Id).Order());
        Assert.DoesNotContain("p5", index.Search(vectors[5], 10).Select(h => h.Id));
        Assert.Equal(3001, index.State.Vectors);
    }

    [Fact]
    public async Task AnIndexBelowTheThresholdScansEverythingExactlyAndIsNeverBuilt()
    {
        var random = new Random(13);
        var vectors = Clustered(random, 2000);
        var index = Filled(vectors, exactBelow: 5000);
        Assert.Null(index.RebuildIfDue());
        Assert.Equal(0, index.State.Lists);
        var query = Near(vectors[0], random, 0.5);
        Assert.Equal(ExactOrder(vectors, query, 10), index.Search(query, 10).Select(h => h.Id));

        for (var i = 2000; i < 5000; i++) index.Upsert($"p{i}", Near(vectors[i % 2000], random, 0.3));
        var build = index.RebuildIfDue();
        Assert.NotNull(build);
        Assert.Equal(10, index.Search(query, 10).Count); // serving while it builds
        Assert.Equal(71, (await build).Lists);
        Assert.Null(index.RebuildIfDue());
    }

    [Fact]
    public async Task AnEmptyIndexFindsNothingBeforeAndAfterABuild()
    {
        var index = new VectorIndex(384, exactBelow: 0);
        var query = Clustered(new Random(14), 1)[0];
        Assert.Empty(index.Search(query, 10));
        await index.RebuildAsync();
        Assert.Empty(index.Search(query, 10));
        index.Upsert("a", query);
        Assert.Equal("a", index.Search(query, 10).Single().Id);
    }

    [Fact]
    public void AStoredVectorComesBackWithinAHundredthOfAPercentOfItsCosine()
    {
        var random = new Random(15);
        var vectors = Clustered(random, 200);
        var index = Filled(vectors, exactBelow: 1000);
        for (var i = 0; i < vectors.Length; i++)
            Assert.InRange(TensorPrimitives.Dot(vectors[i], index.Find($"p{i}")!), 0.9999f, 1.0001f);
        var query = Near(vectors[0], random, 0.8);
        foreach (var hit in index.Search(query, 20))
            Assert.Equal(TensorPrimitives.Dot(query, vectors[int.Parse(hit.Id.AsSpan(1))]), hit.Score, 0.0002f);
    }

    static VectorIndex Filled(float[][] vectors, int exactBelow)
    {
        var index = new VectorIndex(384, exactBelow);
        for (var i = 0; i < vectors.Length; i++) index.Upsert($"p{i}", vectors[i]);
        return index;
    }

    static HashSet<string> ExactTop(float[][] vectors, float[] query, int k) => ExactOrder(vectors, query, k).ToHashSet();

    static List<string> ExactOrder(float[][] vectors, float[] query, int k) =>
        Enumerable.Range(0, vectors.Length).OrderByDescending(i => TensorPrimitives.Dot(query, vectors[i])).Take(k).Select(i => $"p{i}").ToList();

    /// <summary>Unit vectors around 40 random topics (cosine to their topic about 0.7).</summary>
    static float[][] Clustered(Random random, int n)
    {
        var topics = Enumerable.Range(0, 40).Select(_ => Near(new float[384], random, 1)).ToArray();
        return Enumerable.Range(0, n).Select(_ => Near(topics[random.Next(topics.Length)], random, 1)).ToArray();
    }

    /// <summary>A unit vector: <paramref name="v"/> plus Gaussian noise of about <paramref name="noise"/> in norm.</summary>
    static float[] Near(float[] v, Random random, double noise)
    {
        var u = new float[v.Length];
        for (var i = 0; i < u.Length; i++)
            u[i] = v[i] + (float)(noise / Math.Sqrt(u.Length) * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        TensorPrimitives.Divide(u, TensorPrimitives.Norm(u), u);
        return u;
    }
}
