namespace Paperboy.Digest;

/// <summary>
/// Everything shared by the messages of one digest: the featured papers, the candidates indexed for watch-lists,
/// and which watch-list matches each subscriber was already sent. <see cref="ContentFor"/> decides one message.
/// </summary>
public sealed class DigestPlan(DigestPeriod period, IReadOnlyList<string> featured, IWatchlistIndex index,
    HashSet<(long, string)> sentBefore, int maxPerWatchlist)
{
    readonly HashSet<string> _featured = featured.ToHashSet(StringComparer.Ordinal);
    readonly Dictionary<string, WatchQuery?> _parsed = new(StringComparer.Ordinal);

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
            if (!_parsed.TryGetValue(text, out var query)) _parsed[text] = query = WatchQuery.TryParse(text, out _);
            if (query is null) continue;
            List<string>? papers = null;
            foreach (var paper in index.Match(query))
            {
                if (_featured.Contains(paper.Id) || sentBefore.Contains((subscriptionId, paper.Id))) continue;
                used ??= new HashSet<string>(StringComparer.Ordinal);
                if (!used.Add(paper.Id)) continue;
                (papers ??= []).Add(paper.Id);
                if (papers.Count == maxPerWatchlist) break;
            }
            if (papers is not null) (sections ??= []).Add(new WatchlistSection(text, papers));
        }
        if (featured.Count == 0 && sections is null) return null;
        return new DigestContent(featured, sections ?? []);
    }
}
