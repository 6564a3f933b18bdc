using System.Numerics.Tensors;
using Paperboy.Search.Meaning;

namespace Paperboy.Tests.Search.Meaning;

public sealed class VectorIndexTests
{
    [Fact]
    public void Int8SearchFindsTheSameNearestVectorsAsExactFloatSearch()
    {
        var random = new Random(7);
        var vectors = Enumerable.Range(0, 3000).Select(_ => Unit(random)).ToArray();
        var index = new VectorIndex();
        for (var i = 0; i < vectors.Length; i++) index.Upsert($"p{i}", vectors[i]);
        var found = 0;
        for (var t = 0; t < 50; t++)
        {
            var query = Unit(random);
            var exact = Enumerable.Range(0, vectors.Length).OrderByDescending(i => TensorPrimitives.Dot(query, vectors[i])).Take(10).Select(i => $"p{i}").ToHashSet();
            found += index.Search(query, 10).Count(h => exact.Contains(h.Id));
        }
        Assert.True(found >= 0.95 * 500, $"recall@10 {found / 500.0:F3}");
    }

    [Fact]
    public void ReplacingAVectorMovesThePaperAndRelatedLeavesThePaperItselfOut()
    {
        var index = new VectorIndex(4);
        index.Upsert("a", [1, 0, 0, 0]);
        index.Upsert("b", [0, 1, 0, 0]);
        index.Upsert("c", [0.9f, 0.1f, 0, 0]);
        Assert.Equal(["a", "c"], index.Search([1, 0, 0, 0], 2).Select(h => h.Id));
        index.Upsert("a", [0, 0, 1, 0]);
        Assert.Equal(3, index.Count);
        Assert.Equal(["c", "b"], index.Search([1, 0.5f, 0, 0], 2).Select(h => h.Id));
        Assert.Equal(["a"], index.Search(index.Find("a")!, 1).Select(h => h.Id));
        Assert.DoesNotContain("a", index.Search(index.Find("a")!, 3, except: "a").Select(h => h.Id));
    }

    static float[] Unit(Random random)
    {
        var v = new float[384];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
