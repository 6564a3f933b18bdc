namespace Paperboy.Search.Meaning;

/// <summary>
/// Keeping the IVF partition right as vectors arrive: a new vector goes to its nearest list at once; the partition
/// is rebuilt (in the background, searches served by the old one meanwhile) when the index has doubled since the
/// build, or when new vectors fit their lists clearly worse than the build's vectors did (the topics drifted).
/// </summary>
public sealed partial class VectorIndex
{
    /// <summary>How much worse (in mean cosine to the nearest centroid) new vectors may fit before a rebuild.</summary>
    const double DriftTolerance = 0.03;

    /// <summary>Starts a background rebuild when one is due (see the type's summary); returns it, or null when none is due.</summary>
    public Task<VectorIndexState>? RebuildIfDue()
    {
        lock (_gate)
        {
            if (_building is not null || _count < ExactBelow) return null;
            var drifted = _ivf is { } ivf && _addedSinceBuild >= Math.Max(1000, ivf.BuiltOver / 10)
                          && _addedFit / _addedSinceBuild < ivf.BuildFit - DriftTolerance;
            if (_ivf is not null && _count < 2 * _ivf.BuiltOver && !drifted) return null;
            return StartBuild();
        }
    }

    /// <summary>Builds the partition now over every vector held (or joins the build already running).</summary>
    public Task<VectorIndexState> RebuildAsync()
    {
        lock (_gate) return (Task<VectorIndexState>?)_building ?? StartBuild();
    }

    Task<VectorIndexState> StartBuild()
    {
        var (codes, steps, count) = (_codes, _steps, _count);
        _changedWhileBuilding = [];
        var threads = Math.Max(1, Environment.ProcessorCount - 1);
        var build = Task.Factory.StartNew(() => Finish(IvfBuilder.Plan(codes, steps, count, Dimensions, threads)),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _building = build;
        build.ContinueWith(_ => { lock (_gate) { _building = null; _changedWhileBuilding = null; } }, TaskContinuationOptions.OnlyOnFaulted);
        return build;
    }

    /// <summary>
    /// Reorders the slots so that each list's vectors sit together, swaps the new partition in, then places the
    /// vectors added or replaced while it was being planned. The reordering is in place (no second copy of 1M
    /// vectors) and takes about a second at 1M; searches that ran across it notice the generation change and rerun.
    /// </summary>
    VectorIndexState Finish(IvfPlan plan)
    {
        var built = plan.Assigned.Length;
        var lists = plan.Centroids.Length / Dimensions;
        var starts = new int[lists + 1];
        foreach (var list in plan.Assigned) starts[list + 1]++;
        for (var c = 0; c < lists; c++) starts[c + 1] += starts[c];
        var next = starts[..lists];
        var to = new int[built];
        var listOf = new int[Math.Max(_ids.Length, 1)];
        Array.Fill(listOf, -1);
        for (var slot = 0; slot < built; slot++)
        {
            to[slot] = next[plan.Assigned[slot]]++;
            listOf[to[slot]] = plan.Assigned[slot];
        }
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            Permute(to);
            for (var slot = 0; slot < built; slot++) _slots[_ids[slot]] = slot;
            var partition = new IvfPartition(plan.Centroids, Dimensions, starts, listOf) { BuildFit = plan.Fit };
            _ivf = partition;
            _addedSinceBuild = 0;
            _addedFit = 0;
            foreach (var slot in _changedWhileBuilding!.Distinct()) PlaceInList(partition, slot < built ? to[slot] : slot);
            _changedWhileBuilding = null;
            _building = null;
            Interlocked.Increment(ref _generation);
            return new VectorIndexState(_count, partition.Lists, built, false);
        }
    }

    /// <summary>Moves every slot s below to.Length to slot to[s], following the permutation's cycles with one row in hand.</summary>
    void Permute(int[] to)
    {
        var r = ResidualBytes(Dimensions);
        var (carryCodes, spareCodes) = (new sbyte[Dimensions], new sbyte[Dimensions]);
        var (carryResiduals, spareResiduals) = (new byte[r], new byte[r]);
        var done = new bool[to.Length];
        for (var start = 0; start < to.Length; start++)
        {
            if (done[start]) continue;
            _codes.AsSpan(start * Dimensions, Dimensions).CopyTo(carryCodes);
            _residuals.AsSpan(start * r, r).CopyTo(carryResiduals);
            var (carryStep, carryId) = (_steps[start], _ids[start]);
            var at = start;
            do
            {
                at = to[at];
                var codes = _codes.AsSpan(at * Dimensions, Dimensions);
                codes.CopyTo(spareCodes);
                carryCodes.CopyTo(codes);
                (carryCodes, spareCodes) = (spareCodes, carryCodes);
                var residuals = _residuals.AsSpan(at * r, r);
                residuals.CopyTo(spareResiduals);
                carryResiduals.CopyTo(residuals);
                (carryResiduals, spareResiduals) = (spareResiduals, carryResiduals);
                (_steps[at], carryStep) = (carryStep, _steps[at]);
                (_ids[at], carryId) = (carryId, _ids[at]);
                done[at] = true;
            } while (at != start);
        }
    }

    /// <summary>Puts a slot in its nearest list, and counts how well it fits for the drift check. Call under the lock.</summary>
    void PlaceInList(IvfPartition ivf, int slot)
    {
        var (list, score) = ivf.Nearest(_codes.AsSpan(slot * Dimensions, Dimensions));
        ivf.Place(slot, list);
        if (ivf != _ivf) return;
        _addedSinceBuild++;
        _addedFit += score * _steps[slot];
    }
}
