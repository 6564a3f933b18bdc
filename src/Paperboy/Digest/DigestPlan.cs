namespace Paperboy.Digest;

/// <summary>
/// Everything shared by the messages of one digest: the featured papers, what each watch-list matches among the new
/// papers, and which matches each subscriber was already sent. <see cref="ContentFor"/> decides one message.
/// </summary>
public sealed class DigestPlan(DigestPeriod period, IReadOnlyList<string> featured, IReadOnlyDictionary<string, IReadOnlyList<string>> matches,
    HashSet<(long, string)> sentBefore, int maxPerWatchlist)
{
    readonly HashSet<string> _featured = featured.ToHashSet(StringComparer.Ordinal);

    public DigestPeriod Period => period;
    public IReadOnlyList<string> Featured => featured;

    /// <summary>
    /// The message for one subscriber: the featured papers, then a section per watch-list with matches not yet
    /// sent to them and not already in the message. Null when there is nothing to say.
    /// </summary>
    public DigestContent? ContentFor(long subscriptionId, IEnumerable<string> watchlists)
    {
        List<WatchlistSection>? sections = null;
        HashSet<string>? used = null;
        foreach (var text in watchlists)
        {
            if (!matches.TryGetValue(text, out var found)) continue;
            List<string>? papers = null;
            foreach (var paper in found)
            {
                if (_featured.Contains(paper) || sentBefore.Contains((subscriptionId, paper))) continue;
                used ??= new HashSet<string>(StringComparer.Ordinal);
                if (!used.Add(paper)) continue;
                (papers ??= []).Add(paper);
                if (papers.Count == maxPerWatchlist) break;
            }
            if (papers is not null) (sections ??= []).Add(new WatchlistSection(text, papers));
        }
        if (featured.Count == 0 && sections is null) return null;
        return new DigestContent(featured, sections ?? []);
    }
}
