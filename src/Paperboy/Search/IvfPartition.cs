using System.Numerics.Tensors;

namespace Paperboy.Search;

/// <summary>
/// The coarse quantizer of the approximate index: k-means centroids and, per centroid, the slots of the vectors
/// nearest to it (an inverted list). Writers (under the index's lock) publish each changed list as a new
/// <see cref="IvfList"/>, so a reader always sees a consistent list without locking.
/// </summary>
sealed class IvfPartition
{
    readonly int _dimensions;
    readonly float[] _centroids;
    readonly short[] _centroidCodes;
    readonly float[] _centroidScales;
    readonly IvfList[] _lists;
    int[] _listOf;

    public IvfPartition(float[] centroids, int dimensions, int slotCapacity)
    {
        _dimensions = dimensions;
        _centroids = centroids;
        Lists = centroids.Length / dimensions;
        _centroidCodes = new short[centroids.Length];
        _centroidScales = new float[Lists];
        for (var c = 0; c < Lists; c++)
            _centroidScales[c] = Int8Vectors.QuantizeQuery(Centroid(c), _centroidCodes.AsSpan(c * dimensions, dimensions));
        _lists = Enumerable.Range(0, Lists).Select(_ => IvfList.Empty).ToArray();
        _listOf = new int[Math.Max(slotCapacity, 1)];
        Array.Fill(_listOf, -1);
    }

    public int Lists { get; }

    /// <summary>How many vectors the partition was built over (the index rebuilds when it has grown well past this).</summary>
    public int BuiltOver { get; init; }

    /// <summary>Mean cosine of the build's vectors to their centroid; the drift check compares new vectors with it.</summary>
    public double BuildFit { get; set; }

    public ReadOnlySpan<float> Centroid(int list) => _centroids.AsSpan(list * _dimensions, _dimensions);

    public IvfList List(int list) => Volatile.Read(ref _lists[list]);

    /// <summary>The list whose centroid is nearest to the stored codes, and the (unscaled) score it got.</summary>
    public (int List, float Score) Nearest(ReadOnlySpan<sbyte> codes)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < Lists; c++)
        {
            var score = Int8Vectors.Dot(_centroidCodes.AsSpan(c * _dimensions, _dimensions), codes) * _centroidScales[c];
            if (score > bestScore) (best, bestScore) = (c, score);
        }
        return (best, bestScore);
    }

    /// <summary>The <paramref name="probes"/> lists whose centroids are nearest to the query.</summary>
    public int[] Probe(ReadOnlySpan<float> query, int probes)
    {
        probes = Math.Min(probes, Lists);
        var scores = new float[Lists];
        for (var c = 0; c < Lists; c++) scores[c] = TensorPrimitives.Dot(query, Centroid(c));
        var order = Enumerable.Range(0, Lists).ToArray();
        Array.Sort(scores, order);
        return order.AsSpan(Lists - probes).ToArray();
    }

    /// <summary>Fills the empty lists from the build's assignment of slots 0..n−1 (before the partition is published).</summary>
    public void Fill(int[] assigned)
    {
        var sizes = new int[Lists];
        foreach (var list in assigned) sizes[list]++;
        var slots = sizes.Select(n => new int[n]).ToArray();
        Array.Clear(sizes);
        for (var slot = 0; slot < assigned.Length; slot++)
        {
            slots[assigned[slot]][sizes[assigned[slot]]++] = slot;
            _listOf[slot] = assigned[slot];
        }
        for (var c = 0; c < Lists; c++) _lists[c] = new IvfList(slots[c], sizes[c]);
    }

    /// <summary>Puts a slot in a list, taking it out of the one it was in. Call under the index's lock.</summary>
    public void Place(int slot, int list)
    {
        if (slot >= _listOf.Length)
        {
            var grown = new int[Math.Max(slot + 1, _listOf.Length * 2)];
            Array.Fill(grown, -1, _listOf.Length, grown.Length - _listOf.Length);
            _listOf.CopyTo(grown, 0);
            _listOf = grown;
        }
        var old = _listOf[slot];
        if (old == list) return;
        if (old >= 0) Volatile.Write(ref _lists[old], _lists[old].Without(slot));
        Volatile.Write(ref _lists[list], _lists[list].With(slot));
        _listOf[slot] = list;
    }

    /// <summary>Sizes of the lists, largest first (for the admin page and the benchmark).</summary>
    public int LargestList => _lists.Max(l => l.Count);
}

/// <summary>An immutable view of one inverted list: the first <see cref="Count"/> entries of <see cref="Slots"/>.</summary>
sealed class IvfList(int[] slots, int count)
{
    public static readonly IvfList Empty = new([], 0);
    public int[] Slots => slots;
    public int Count => count;

    /// <summary>Appends in place when there is room (readers of this view never look past its count).</summary>
    public IvfList With(int slot)
    {
        var array = slots;
        if (count == array.Length) Array.Resize(ref array, Math.Max(8, count * 2));
        array[count] = slot;
        return new IvfList(array, count + 1);
    }

    public IvfList Without(int slot)
    {
        var array = new int[Math.Max(8, count)];
        var n = 0;
        for (var i = 0; i < count; i++) if (slots[i] != slot) array[n++] = slots[i];
        return new IvfList(array, n);
    }
}
