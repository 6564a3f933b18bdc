namespace Paperboy.Search;

/// <summary>
/// A parsed search: the words and "phrases" to find, the fields (author:, cat:, since:, until:) and the
/// exclusions (-word, -"a phrase"). Words rank; phrases, authors, exclusions and fields always filter.
/// </summary>
public sealed record SearchQuery
{
    public List<string> Words { get; init; } = [];
    public List<string> Phrases { get; init; } = [];
    public List<string> Authors { get; init; } = [];
    public List<string> Categories { get; init; } = [];
    public List<string> Excluded { get; init; } = [];
    public DateOnly? Since { get; set; }
    public DateOnly? Until { get; set; }
    /// <summary>Things the parser ignored or reinterpreted, worth telling the user ("author: needs a name").</summary>
    public List<string> Notices { get; init; } = [];

    /// <summary>
    /// A long query (a pasted abstract): its words are OR-ed, keeping the most telling ones, since no paper
    /// contains all two hundred words of another.
    /// </summary>
    public bool IsLong => Words.Count > SearchQueryParser.LongQueryWords;

    /// <summary>
    /// Words are matched as a search engine matches them: any of the telling words, ranked by BM25 (a paper with more of
    /// them, and rarer ones, ranks higher), for plain words and for every long query. A short query that uses the
    /// syntax ("a phrase", -word, author:, cat:, since:, until:) requires every word, as its writer asked for precision.
    /// </summary>
    public bool AnyWords => !EveryWord && (IsLong || Phrases.Count == 0 && Excluded.Count == 0 && Authors.Count == 0 && Categories.Count == 0
                                       && Since is null && Until is null);

    /// <summary>Every word required whatever the query looks like (a watch-list, which filters rather than ranks).</summary>
    public bool EveryWord { get; init; }

    /// <summary>The words and phrases in the user's order: what the meaning side embeds.</summary>
    public string MeaningText { get; init; } = "";

    /// <summary>True when there is something that can match papers (words, phrases or authors).</summary>
    public bool HasPositiveTerms => Words.Count > 0 || Phrases.Count > 0 || Authors.Count > 0;
}
