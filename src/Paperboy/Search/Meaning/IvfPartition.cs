using System.Numerics.Tensors;

namespace Paperboy.Search.Meaning;

/// <summary>
/// The coarse quantizer of the approximate index: k-means centroids and, per centroid, its inverted list. The
/// index stores the vectors of a list next to each other (the build reorders the slots), so a list is the slot
/// range <c>[start, next start)</c> — scanned as one stream of memory — plus a tail of slots placed after the build.
/// A slot belongs to the list <see cref="ListOf"/> says: a range or tail entry that disagrees (a vector replaced
/// since, and moved to another list) is skipped. Writers (under the index's lock) publish each changed tail as a
/// new <see cref="IvfList"/>, so a reader always sees a consistent one without locking.
/// </summary>
sealed class IvfPartition
{
    readonly int _dimensions;
    readonly float[] _centroids;
    readonly short[] _centroidCodes;
    readonly float[] _centroidScales;
    readonly int[] _starts;
    readonly IvfList[] _tails;
    int[] _listOf;

    /// <param name="starts">Where each list's range begins, plus the end of the last one (= the vectors built over).</param>
    /// <param name="listOf">The list of every slot below the build's count (the array may be longer).</param>
    public IvfPartition(float[] centroids, int dimensions, int[] starts, int[] listOf)
    {
        _dimensions = dimensions;
        _centroids = centroids;
        Lists = centroids.Length / dimensions;
        _centroidCodes = new short[centroids.Length];
        _centroidScales = new float[Lists];
        for (var c = 0; c < Lists; c++)
            _centroidScales[c] = Int8Vectors.QuantizeQuery(Centroid(c), _centroidCodes.AsSpan(c * dimensions, dimensions));
        _starts = starts;
        _tails = Enumerable.Range(0, Lists).Select(_ => IvfList.Empty).ToArray();
        _listOf = listOf;
    }

    public int Lists { get; }

    /// <summary>How many vectors the partition was built over (the index rebuilds when it has grown well past this).</summary>
    public int BuiltOver => _starts[^1];

    /// <summary>Mean cosine of the build's vectors to their centroid; the drift check compares new vectors with it.</summary>
    public double BuildFit { get; init; }

    /// <summary>Slot → list (−1: none). Replaced as it grows; readers take it once per search.</summary>
    public int[] ListOf => Volatile.Read(ref _listOf);

    public ReadOnlySpan<float> Centroid(int list) => _centroids.AsSpan(list * _dimensions, _dimensions);

    public (int From, int To) Range(int list) => (_starts[list], _starts[list + 1]);

    public IvfList Tail(int list) => Volatile.Read(ref _tails[list]);

    /// <summary>The list whose centroid is nearest to the stored codes, and its (unscaled) score.</summary>
    public (int List, float Score) Nearest(ReadOnlySpan<sbyte> codes) => Nearest(_centroidCodes, _centroidScales, _dimensions, codes);

    public static (int List, float Score) Nearest(short[] centroidCodes, float[] centroidScales, int dimensions, ReadOnlySpan<sbyte> codes)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < centroidScales.Length; c++)
        {
            var score = Int8Vectors.Dot(centroidCodes.AsSpan(c * dimensions, dimensions), codes) * centroidScales[c];
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

    /// <summary>Puts a slot in a list (its tail, unless its range already holds it). Call under the index's lock.</summary>
    public void Place(int slot, int list)
    {
        if (slot >= _listOf.Length)
        {
            var grown = new int[Math.Max(slot + 1, _listOf.Length * 2)];
            Array.Fill(grown, -1, _listOf.Length, grown.Length - _listOf.Length);
            _listOf.CopyTo(grown, 0);
            Volatile.Write(ref _listOf, grown);
        }
        if (_listOf[slot] == list) return;
        _listOf[slot] = list;
        var inRange = slot >= _starts[list] && slot < _starts[list + 1];
        if (!inRange) Volatile.Write(ref _tails[list], _tails[list].With(slot));
    }
}

/// <summary>An immutable view of a list's tail: the first <see cref="Count"/> entries of <see cref="Slots"/>.</summary>
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
}
