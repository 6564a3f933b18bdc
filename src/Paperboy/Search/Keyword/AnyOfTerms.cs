namespace Paperboy.Search.Keyword;

/// <summary>
/// How either engine weighs an any-of query (<see cref="SearchQuery.AnyWords"/>): its terms rarest first, as long as the
/// papers they are in add up to at most <see cref="KeywordIndexOptions.RankedMatches"/> (the rarest always, unless it is
/// in more than <see cref="KeywordIndexOptions.CommonTermPapers"/>); and, for a pasted text's first tier, its
/// <see cref="PastedAllOf"/> rarest terms, weighed or not.
/// </summary>
public sealed record AnyOfTerms(IReadOnlyList<string> Ranked, IReadOnlyList<string> Rarest, bool OverBudget)
{
    public const int PastedAllOf = 6;

    /// <summary>The plan for terms with the papers each is in, or null when every term is too common to weigh.</summary>
    public static AnyOfTerms? Choose(IEnumerable<(string Term, double Papers)> counts, KeywordIndexOptions options)
    {
        var rarestFirst = counts.OrderBy(c => c.Papers).ToList();
        var ranked = new List<string>();
        double total = 0;
        foreach (var (term, papers) in rarestFirst)
        {
            if (papers > options.CommonTermPapers || (ranked.Count > 0 && total + papers > options.RankedMatches)) break;
            ranked.Add(term);
            total += papers;
        }
        if (ranked.Count == 0) return null;
        var rarest = rarestFirst.Take(Math.Max(ranked.Count, PastedAllOf)).Select(c => c.Term).ToList();
        return new AnyOfTerms(ranked, rarest, total > options.RankedMatches);
    }
}
