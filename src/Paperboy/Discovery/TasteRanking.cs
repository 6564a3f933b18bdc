using Paperboy.Search.Meaning;

namespace Paperboy.Discovery;

/// <summary>How a reader's liked papers turn into a ranking of the recent ones (docs/recommendations.md compares them).</summary>
public enum TasteMethod
{
    /// <summary>The per-reader linear model (<see cref="ReaderModel"/>) scores every recent paper.</summary>
    Linear,
    /// <summary>Nearest neighbours: a paper's score is its highest cosine to any liked paper.</summary>
    MaxSim,
    /// <summary>The linear model picks the best few hundred; their score is the model's plus their highest cosine to a liked paper.</summary>
    Blend,
}

/// <summary>A recent paper ranked for a reader: its row in the window, its score, and the liked paper it is closest to (an index into the liked list).</summary>
public readonly record struct Ranked(int Row, string Id, float Score, int Closest);

/// <summary>
/// Ranks the recent papers (a <see cref="VectorBlock"/>) for one reader: the method's score, optionally re-ranked for
/// diversity by maximal marginal relevance (MMR: each next pick trades its score against its cosine to the papers
/// already picked), and each pick's closest liked paper for the reason shown.
/// </summary>
public static class TasteRanking
{
    /// <summary>How many of the best-scored papers the blend and MMR look at again.</summary>
    public const int Shortlist = 300;

    public static List<Ranked> Rank(VectorBlock window, IReadOnlyList<float[]> liked, IReadOnlyList<float[]> dismissed,
        IReadOnlySet<string> exclude, int take, TasteMethod method, double diversity, int seed)
    {
        if (window.Count == 0 || liked.Count == 0 || take <= 0) return [];
        var scores = new float[window.Count];
        switch (method)
        {
            case TasteMethod.MaxSim:
                MaxSim(window, liked, scores);
                break;
            default:
                var model = ReaderModel.Train(liked, Sample(window, exclude, liked.Count, seed), dismissed, seed);
                window.Score(model.Weights, scores);
                for (var i = 0; i < scores.Length; i++) scores[i] = Sigmoid(scores[i] + model.Bias);
                break;
        }
        var shortlist = Best(window, scores, exclude, Math.Max(Shortlist, take));
        var batch = window.Prepare(liked);
        if (method == TasteMethod.Blend)
            shortlist = shortlist.Select(r => r with { Score = r.Score + window.Nearest(r.Row, batch).Score })
                .OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var picked = diversity > 0 ? Mmr(window, shortlist, take, diversity) : shortlist.Take(take).ToList();
        return picked.Select(r => r with { Closest = window.Nearest(r.Row, batch).Query }).ToList();
    }

    /// <summary>Negatives for the model: a fixed-seed sample of recent papers, a few per liked one, at most 1,000 in all.</summary>
    static List<float[]> Sample(VectorBlock window, IReadOnlySet<string> exclude, int liked, int seed)
    {
        var want = Math.Min(window.Count, Math.Clamp(3 * liked, 100, 1000 - Math.Min(liked, 500)));
        var random = new Random(seed);
        var rows = new HashSet<int>();
        for (var tries = 0; rows.Count < want && tries < 4 * want; tries++)
        {
            var row = random.Next(window.Count);
            if (!exclude.Contains(window.Ids[row])) rows.Add(row);
        }
        return rows.Select(r =>
        {
            var v = new float[window.Dimensions];
            window.Restore(r, v);
            return v;
        }).ToList();
    }

    static void MaxSim(VectorBlock window, IReadOnlyList<float[]> liked, float[] scores)
    {
        Array.Fill(scores, float.NegativeInfinity);
        var one = new float[window.Count];
        foreach (var v in liked)
        {
            window.Score(v, one);
            for (var i = 0; i < scores.Length; i++) if (one[i] > scores[i]) scores[i] = one[i];
        }
    }

    static List<Ranked> Best(VectorBlock window, float[] scores, IReadOnlySet<string> exclude, int keep)
    {
        var heap = new PriorityQueue<int, float>(keep + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            if (exclude.Contains(window.Ids[i])) continue;
            if (heap.Count < keep) heap.Enqueue(i, scores[i]);
            else if (heap.TryPeek(out _, out var floor) && scores[i] > floor) heap.EnqueueDequeue(i, scores[i]);
        }
        return heap.UnorderedItems.Select(x => new Ranked(x.Element, window.Ids[x.Element], x.Priority, 0))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Maximal marginal relevance: (1 − diversity) × score − diversity × (highest cosine to a paper already picked).</summary>
    static List<Ranked> Mmr(VectorBlock window, List<Ranked> shortlist, int take, double diversity)
    {
        var picked = new List<Ranked>(take);
        var closest = new float[shortlist.Count];
        var used = new bool[shortlist.Count];
        while (picked.Count < Math.Min(take, shortlist.Count))
        {
            var (best, at) = (double.NegativeInfinity, -1);
            for (var i = 0; i < shortlist.Count; i++)
            {
                if (used[i]) continue;
                var value = (1 - diversity) * shortlist[i].Score - diversity * (picked.Count == 0 ? 0 : closest[i]);
                if (value > best) (best, at) = (value, i);
            }
            used[at] = true;
            picked.Add(shortlist[at]);
            for (var i = 0; i < shortlist.Count; i++)
                if (!used[i]) closest[i] = Math.Max(closest[i], window.Similarity(shortlist[i].Row, shortlist[at].Row));
        }
        return picked;
    }

    static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));
}
