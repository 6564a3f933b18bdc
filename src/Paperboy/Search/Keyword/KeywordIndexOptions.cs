using System.ComponentModel.DataAnnotations;

namespace Paperboy.Search.Keyword;

/// <summary>Section <c>Paperboy:Search:Keyword</c>: how much of a common word's matches SQLite ranks (see <see cref="SqliteKeywordIndex"/>).</summary>
public sealed class KeywordIndexOptions
{
    public const string Section = "Paperboy:Search:Keyword";

    /// <summary>Only the newest this many matches (that pass the filters) are ranked; fewer matches are all ranked.</summary>
    [Range(1, int.MaxValue)] public int ScoredMatches { get; set; } = 2000;

    /// <summary>
    /// A term in more papers than this is too costly to weigh (FTS5's bm25 reads its whole posting list for its
    /// inverse document frequency, nearly zero anyway): it only filters, and the query's rarer terms rank.
    /// </summary>
    [Range(1, int.MaxValue)] public int CommonTermPapers { get; set; } = 60_000;

    /// <summary>
    /// A query of plain words ranks every paper that has any of its rarer words, as long as those words are in at most
    /// this many papers together (bm25 is computed for each; the commoner words are left out of the ranking).
    /// </summary>
    [Range(1, int.MaxValue)] public int RankedMatches { get; set; } = 40_000;

    /// <summary>
    /// PostgreSQL, when every term is common: if even the rarest is in more papers than this, the papers with the terms in
    /// their title come first among the newest matches only, not among all (see <see cref="PostgresKeywordIndex"/>).
    /// </summary>
    [Range(1, int.MaxValue)] public int TitleTierPapers { get; set; } = 20_000;

    /// <summary>
    /// SQLite: when the index is made of more segments than this, the background indexer merges them into one (every
    /// query term is looked up in each; see <see cref="SqliteKeywordQueue.CompactAsync"/>).
    /// </summary>
    [Range(1, int.MaxValue)] public int MaxSegments { get; set; } = 8;
}
