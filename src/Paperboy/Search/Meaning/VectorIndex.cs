namespace Paperboy.Search.Meaning;

/// <summary>
/// Every paper's vector in memory (int8 codes + 4-bit residuals, <see cref="Int8Vectors"/>: 1M × 384 dimensions ≈
/// 580 MB). Below <see cref="ExactBelow"/> vectors a search scans them all; above, an IVF partition (k-means
/// lists, <see cref="IvfPartition"/>) is built in the background and a search scans only the lists nearest to
/// the query, serving from the full scan (or the previous partition) until the new one is ready. Either way the
/// best few hundred candidates are re-scored with their residuals. Writers take a lock; readers search a
/// snapshot, so a search never waits for the back-fill. Measured in docs/benchmarks.md, "Vector index".
/// </summary>
public sealed partial class VectorIndex(int dimensions = 384, int exactBelow = VectorIndex.DefaultExactBelow)
{
    public const int DefaultExactBelow = 50_000;
    const int ParallelAbove = 20_000;

    readonly Lock _gate = new();
    readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    string[] _ids = new string[1024];
    sbyte[] _codes = new sbyte[1024 * dimensions];
    byte[] _residuals = new byte[1024 * ResidualBytes(dimensions)];
    float[] _steps = new float[1024];
    int _count;
    IvfPartition? _ivf;
    Task? _building;
    List<int>? _changedWhileBuilding;
    double _addedFit;
    int _generation;
    int _addedSinceBuild;

    public int Dimensions => dimensions;
    public int Count => Volatile.Read(ref _count);
    public int ExactBelow => exactBelow;

    /// <summary>IVF lists probed per search; 0 picks <see cref="ProbesFor"/> of the list count.</summary>
    public int Probes { get; set; }

    /// <summary>What serves searches now, for the admin page.</summary>
    public VectorIndexState State
    {
        get
        {
            lock (_gate) return new VectorIndexState(_count, _ivf?.Lists ?? 0, _ivf?.BuiltOver ?? 0, _building is not null);
        }
    }

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
            var codes = _codes.AsSpan(slot * dimensions, dimensions);
            _steps[slot] = Int8Vectors.Quantize(vector, codes, _residuals.AsSpan(slot * ResidualBytes(dimensions), ResidualBytes(dimensions)));
            if (slot == _count) Volatile.Write(ref _count, _count + 1);
            _changedWhileBuilding?.Add(slot);
            if (_ivf is { } ivf) PlaceInList(ivf, slot);
        }
    }

    public bool Contains(string id)
    {
        lock (_gate) return _slots.ContainsKey(id);
    }

    /// <summary>The stored vector of a paper, or null when it has none yet.</summary>
    public float[]? Find(string id)
    {
        lock (_gate)
        {
            if (!_slots.TryGetValue(id, out var slot)) return null;
            var v = new float[dimensions];
            var r = ResidualBytes(dimensions);
            Int8Vectors.Restore(_codes.AsSpan(slot * dimensions, dimensions), _residuals.AsSpan(slot * r, r), _steps[slot], v);
            return v;
        }
    }

    /// <summary>The stored vectors of those of <paramref name="ids"/> that have one, copied side by side under one lock.</summary>
    public VectorBlock Gather(IReadOnlyList<string> ids)
    {
        lock (_gate)
        {
            var found = new List<int>(ids.Count);
            var names = new List<string>(ids.Count);
            foreach (var id in ids)
                if (_slots.TryGetValue(id, out var slot)) { found.Add(slot); names.Add(id); }
            var codes = new sbyte[found.Count * dimensions];
            var steps = new float[found.Count];
            for (var i = 0; i < found.Count; i++)
            {
                _codes.AsSpan(found[i] * dimensions, dimensions).CopyTo(codes.AsSpan(i * dimensions));
                steps[i] = _steps[found[i]];
            }
            return new VectorBlock(names.ToArray(), codes, steps, dimensions);
        }
    }

    /// <summary>The <paramref name="k"/> nearest papers by cosine similarity, best first, leaving out <paramref name="except"/>.</summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, string? except = null)
    {
        if (k <= 0) return [];
        var q = new short[dimensions];
        Int8Vectors.QuantizeQuery(query, q);
        while (true)
        {
            string[] ids; sbyte[] codes; byte[] residuals; float[] steps; int count; IvfPartition? ivf; int generation;
            lock (_gate) { ids = _ids; codes = _codes; residuals = _residuals; steps = _steps; count = _count; ivf = _ivf; generation = _generation; }
            if (count == 0) return [];
            var want = k + (except is null ? 0 : 1);
            var probed = ivf?.Probe(query, Probes > 0 ? Probes : ProbesFor(ivf.Lists));
            var candidates = Scan(q, codes, steps, count, ivf, probed, Math.Max(2 * want, want + 100));
            var r = ResidualBytes(dimensions);
            var hits = new List<VectorHit>(candidates.Count);
            foreach (var slot in candidates)
                if (ids[slot] != except)
                    hits.Add(new VectorHit(ids[slot], Int8Vectors.FineDot(query, codes.AsSpan(slot * dimensions, dimensions), residuals.AsSpan(slot * r, r), steps[slot])));
            // A rebuild reordered the slots while this search read them: its answer may be mixed up, so search again.
            if (Volatile.Read(ref _generation) != generation) continue;
            return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal).Take(k).ToList();
        }
    }

    /// <summary>
    /// Lists probed for a partition of <paramref name="lists"/> lists: 5% of them (50 of 1,000 at 1M vectors), where
    /// recall@10 of real search queries against exact search is about 0.97 (docs/benchmarks.md).
    /// </summary>
    public static int ProbesFor(int lists) => Math.Max(8, lists / 20);

    /// <summary>
    /// The best <paramref name="keep"/> slots by int8 score: of every slot (no partition) or of the probed lists
    /// (their ranges, then their tails), split across the cores when there is enough to scan.
    /// </summary>
    HashSet<int> Scan(short[] q, sbyte[] codes, float[] steps, int count, IvfPartition? ivf, int[]? probed, int keep)
    {
        var work = ivf is null ? count : probed!.Sum(l => ivf.Range(l).To - ivf.Range(l).From);
        var parts = work < ParallelAbove ? 1 : Environment.ProcessorCount;
        var tops = new TopSlots[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            var top = new TopSlots(keep);
            if (ivf is null)
            {
                for (var slot = (int)((long)count * part / parts); slot < (long)count * (part + 1) / parts; slot++)
                    Offer(top, q, codes, steps, slot);
            }
            else
            {
                var listOf = ivf.ListOf;
                for (var p = part; p < probed!.Length; p += parts)
                {
                    var list = probed[p];
                    var (from, to) = ivf.Range(list);
                    for (var slot = from; slot < Math.Min(to, count); slot++)
                        if (listOf[slot] == list) Offer(top, q, codes, steps, slot);
                    var tail = ivf.Tail(list);
                    for (var i = 0; i < tail.Count; i++)
                        if (tail.Slots[i] < Math.Min(count, listOf.Length) && listOf[tail.Slots[i]] == list) Offer(top, q, codes, steps, tail.Slots[i]);
                }
            }
            tops[part] = top;
        });
        return tops.SelectMany(t => t.Slots).ToHashSet();
    }

    void Offer(TopSlots top, short[] q, sbyte[] codes, float[] steps, int slot) =>
        top.Offer(slot, Int8Vectors.Dot(q, codes.AsSpan(slot * dimensions, dimensions)) * steps[slot]);

    static int ResidualBytes(int dimensions) => (dimensions + 1) / 2;

    void Grow()
    {
        var size = _ids.Length * 2;
        Array.Resize(ref _ids, size);
        var codes = new sbyte[size * dimensions];
        _codes.AsSpan(0, _count * dimensions).CopyTo(codes);
        _codes = codes;
        var residuals = new byte[size * ResidualBytes(dimensions)];
        _residuals.AsSpan(0, _count * ResidualBytes(dimensions)).CopyTo(residuals);
        _residuals = residuals;
        Array.Resize(ref _steps, size);
    }
}

/// <summary>The index's state: vectors held, and the IVF partition serving searches (0 lists: every search scans all).</summary>
public readonly record struct VectorIndexState(int Vectors, int Lists, int BuiltOver, bool Building);

public readonly record struct VectorHit(string Id, float Score);
