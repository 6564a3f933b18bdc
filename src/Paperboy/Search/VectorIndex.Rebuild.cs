namespace Paperboy.Search;

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
        var build = Task.Factory.StartNew(() => Finish(IvfBuilder.Build(codes, steps, count, Dimensions, threads)),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _building = build;
        build.ContinueWith(_ => { lock (_gate) { _building = null; _changedWhileBuilding = null; } }, TaskContinuationOptions.OnlyOnFaulted);
        return build;
    }

    /// <summary>Swaps the new partition in, after placing the vectors added or replaced while it was being built.</summary>
    VectorIndexState Finish(IvfPartition built)
    {
        lock (_gate)
        {
            foreach (var slot in _changedWhileBuilding!.Distinct()) PlaceInList(built, slot);
            _ivf = built;
            _addedSinceBuild = 0;
            _addedFit = 0;
            _changedWhileBuilding = null;
            _building = null;
            return new VectorIndexState(_count, built.Lists, built.BuiltOver, false);
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
