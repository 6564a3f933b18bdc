using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Search.Keyword;

/// <summary>
/// Keyword search on SQLite FTS5 (table papers_fts, see migrations 0005 and 0006: papers a bulk import queued are
/// found once indexed), ranked by bm25 with title over abstract over
/// authors. Two costs grow with a corpus and are bounded here (measured at 1M papers, docs/benchmarks.md):
/// <list type="bullet">
/// <item>bm25 is computed for every match ordered: only the newest <see cref="KeywordIndexOptions.ScoredMatches"/>
/// matches (by rowid, i.e. by arrival) that pass the filters are ranked, found by walking the index backwards;</item>
/// <item>bm25 reads the whole posting list of each term for its inverse document frequency (30 ms for a word in
/// 900k papers): a term in more than <see cref="KeywordIndexOptions.CommonTermPapers"/> papers (estimated from how
/// far back its newest matches reach) only filters, and the query's rarer terms rank. When every term is that common,
/// the newest matches with all the words in the title come first, then the newest others.</item>
/// </list>
/// A query of plain words first ranks the papers with all of its words, then fills up with those that have any of its
/// telling words, ranked by bm25 over the rarer of them (<see cref="AnyAsync"/>); a long query (a pasted text) only the
/// latter; a short query that uses the syntax requires every word.
/// </summary>
public sealed class SqliteKeywordIndex(PaperboyDb db, KeywordIndexOptions options) : IKeywordIndex
{
    // Column weights for bm25: title over abstract over authors.
    const string Rank = "bm25(papers_fts, 10.0, 3.0, 1.0)";
    // Ranked rows fetched beyond the limit without looking at papers, so that a few hidden ones do not leave the page short.
    const int HiddenSlack = 20;
    // Matches walked to estimate how many papers a term is in.
    const int Probe = 500;
    static readonly char[] NotWord = [' ', '-', '.', '\'', '_', ',', ':', ';', '/', '(', ')', '!', '?', '+', '&'];

    public async Task<IReadOnlyList<KeywordHit>> MatchAsync(SearchQuery query, SearchFilters filters, int limit, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        var top = new Lazy<Task<long>>(() => TopRowidAsync(conn, ct));
        if (query.IsLong && await AnyAsync(conn, query, filters, limit, top, ct) is { } pasted) return pasted;
        var all = Fts5Expression.Query(query) is { } q ? await RankAsync(conn, q, filters, limit, top, ct) : [];
        if (!query.AnyWords || query.IsLong || all.Count >= limit) return all;
        // A few plain words: the papers with all of them first, then those with some of them, by bm25.
        return await AnyAsync(conn, query, filters, limit, top, ct) is { } any ? all.ThenFill(any, limit) : all;
    }

    /// <summary>
    /// An any-of query (<see cref="SearchQuery.AnyWords"/>): the papers with any of its telling words, by bm25 over the terms
    /// <see cref="AnyOfTerms"/> weighs (every one of their matches is ranked; the commoner terms, whose weight is small, are
    /// left out). Null when every term is common: then all the words are required, as for a short query.
    /// </summary>
    async Task<List<KeywordHit>?> AnyAsync(DbConnection conn, SearchQuery query, SearchFilters filters, int limit, Lazy<Task<long>> top,
        CancellationToken ct)
    {
        var terms = Fts5Expression.AnyTerms(query);
        if (terms.Count == 0) return null;
        var counts = new List<(string Term, double Papers)>();
        foreach (var term in terms) counts.Add((term, await PapersWithAsync(conn, term, top, ct)));
        if (AnyOfTerms.Choose(counts, options) is not { } plan) return null;
        var ranked = plan.Ranked;
        var match = ranked.Count == 1 ? ranked[0] : "(" + string.Join(" OR ", ranked) + ")";
        var within = Fts5Expression.AnyWithin(query, match);
        var filtered = filters.Narrow;
        // A single term in more papers than the budget: only its newest matches are ranked, as for a short query.
        var lowest = plan.OverBudget ? await NewestAsync(conn, within ?? match, filtered ? filters : null, options.ScoredMatches, ct) : null;
        var some = new Listing(match, within, lowest, ByRank: true);
        if (!query.IsLong || terms.Count < 2) return await ListAsync(conn, some, filters, filtered, limit, ct);
        // A pasted text: first the papers with all of its rarest words, weighed or not (where the papers that say it word
        // for word are: finding them costs a few seeks per match of the rarest word), by the same bm25, then the others.
        var every = await ListAsync(conn, some with { Within = Fts5Expression.AllOf(query, plan.Rarest) }, filters, filtered, limit, ct);
        if (every.Count >= limit) return every;
        return every.ThenFill(await ListAsync(conn, some, filters, filtered, limit + every.Count, ct), limit);
    }

    async Task<List<KeywordHit>> RankAsync(DbConnection conn, Fts5Query query, SearchFilters filters, int limit, Lazy<Task<long>> top,
        CancellationToken ct)
    {
        var filtered = filters.Narrow;
        var ranking = await RarePartsAsync(conn, query, top, ct);
        if (ranking.Count == 0)
        {
            // Every term is common: the newest with all the words in the title, then the newest others.
            var ids = await ListAsync(conn, new(query.InTitle, null, null, ByRank: false), filters, filtered, limit, ct);
            if (ids.Count >= limit) return ids;
            return ids.ThenFill(await ListAsync(conn, new(query.Full, null, null, ByRank: false), filters, filtered, limit + ids.Count, ct), limit);
        }
        var lowest = await NewestAsync(conn, query.Full, filtered ? filters : null, options.ScoredMatches, ct);
        var within = ranking.Count == query.Parts.Count() && query.Excluded is null ? null : query.Full;
        return await ListAsync(conn, new(Fts5Query.Rank(ranking), within, lowest, ByRank: true), filters, filtered, limit, ct);
    }

    /// <summary>What to list: matches of Match (and of Within) from rowid Lowest up, by bm25 or newest first.</summary>
    sealed record Listing(string Match, string? Within, long? Lowest, bool ByRank)
    {
        /// <summary>
        /// The FROM and WHERE clauses. Within is materialized first and probed by the matches of Match (never the other
        /// way round: FTS5 would start a query, and compute the weights of its terms again, for each of its rows).
        /// </summary>
        public string From(DbCommand cmd, string join = "")
        {
            var lowest = Lowest is null ? "" : " AND rowid >= " + SearchSql.Add(cmd, "lowest", Lowest.Value);
            var from = Within is null ? "FROM papers_fts" :
                $"FROM papers_fts CROSS JOIN (SELECT rowid AS w FROM papers_fts WHERE papers_fts MATCH {SearchSql.Add(cmd, "within", Within)}{lowest} " +
                // (the LIMIT keeps SQLite from flattening it into a join of two FTS5 cursors; the rowid bound is the window)
                "LIMIT 2147483647) within ON within.w = papers_fts.rowid";
            return $"{from}{join} WHERE papers_fts MATCH {SearchSql.Add(cmd, "m", Match)}{lowest.Replace("rowid", "papers_fts.rowid")}";
        }

        public string Order => ByRank ? Rank : "papers_fts.rowid DESC";
        public string Score => ByRank ? Rank : "papers_fts.rowid";
        public string ScoreOrder => ByRank ? "f.o" : "f.o DESC";

        /// <summary>The relevance of a row's score: bm25 is negative, lower is better; a newest-first listing has none.</summary>
        public double Relevance(double score) => ByRank ? -score : double.NaN;
    }

    /// <summary>
    /// Ids of visible papers of the listing that pass the filters, in its order. Without filters the order is taken
    /// inside the index alone and only the top rows are looked up in papers.
    /// </summary>
    async Task<List<KeywordHit>> ListAsync(DbConnection conn, Listing listing, SearchFilters filters, bool join, int limit, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        if (!join)
        {
            cmd.CommandText = $"""
                SELECT p.id, f.o FROM (
                    SELECT papers_fts.rowid AS r, {listing.Score} AS o {listing.From(cmd)}
                    ORDER BY {listing.Order} LIMIT {SearchSql.Add(cmd, "n", limit + HiddenSlack)}) f
                JOIN papers p ON p.rowid = f.r WHERE p.hidden = 0
                ORDER BY {listing.ScoreOrder} LIMIT {SearchSql.Add(cmd, "limit", limit)}
                """;
            var ids = await SearchSql.ReadHitsAsync(cmd, listing.Relevance, ct);
            // Short only when fewer matches exist, or when more than the slack of the top ones are hidden: then ask papers.
            if (ids.Count == limit || !await HasAsync(conn, listing, limit + HiddenSlack, ct)) return ids;
            return await ListAsync(conn, listing, filters, join: true, limit, ct);
        }
        cmd.CommandText = $"""
            SELECT p.id, {listing.Score} {listing.From(cmd, " JOIN papers p ON p.rowid = papers_fts.rowid")}{SearchSql.Filters(cmd, filters, postgres: false)}
            ORDER BY {listing.Order} LIMIT {SearchSql.Add(cmd, "limit", limit)}
            """;
        return await SearchSql.ReadHitsAsync(cmd, listing.Relevance, ct);
    }

    /// <summary>The rowid of the <paramref name="n"/>th newest match (passing the filters, when given), or null when there are fewer.</summary>
    static async Task<long?> NewestAsync(DbConnection conn, string match, SearchFilters? filters, int n, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = filters is null
            ? "SELECT rowid FROM papers_fts WHERE papers_fts MATCH @m ORDER BY rowid DESC LIMIT 1 OFFSET @skip"
            : $"""
              SELECT papers_fts.rowid FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid
              WHERE papers_fts MATCH @m{SearchSql.Filters(cmd, filters, postgres: false)}
              ORDER BY papers_fts.rowid DESC LIMIT 1 OFFSET @skip
              """;
        SearchSql.Add(cmd, "m", match);
        SearchSql.Add(cmd, "skip", n - 1);
        return await cmd.ExecuteScalarAsync(ct) as long?;
    }

    /// <summary>The parts in at most CommonTermPapers papers.</summary>
    async Task<List<string>> RarePartsAsync(DbConnection conn, Fts5Query query, Lazy<Task<long>> top, CancellationToken ct)
    {
        var rare = new List<string>();
        foreach (var part in query.Parts)
            if (await PapersWithAsync(conn, part, top, ct) <= options.CommonTermPapers) rare.Add(part);
        return rare;
    }

    /// <summary>
    /// How many papers have the part, estimated from the rowids its newest <see cref="Probe"/> matches span (rowids grow
    /// with arrival, so a term's density there is its density overall); a part with fewer matches counts as the probe's
    /// size. A phrase is weighed by reading the posting lists of all its words, so it counts as its commonest word.
    /// <paramref name="top"/> is the highest rowid, read once per search and only if a probe needs it.
    /// </summary>
    async Task<double> PapersWithAsync(DbConnection conn, string part, Lazy<Task<long>> top, CancellationToken ct)
    {
        var n = Math.Min(Probe, options.CommonTermPapers);
        double most = 0;
        foreach (var word in Words(part))
        {
            var reach = await NewestAsync(conn, word, null, n, ct);
            if (reach is null) { most = Math.Max(most, n); continue; }
            var highest = await top.Value;
            most = Math.Max(most, (double)n * highest / (highest - reach.Value + 1));
            if (most > options.CommonTermPapers) break;
        }
        return most;
    }

    static async Task<long> TopRowidAsync(DbConnection conn, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT max(rowid) FROM papers";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    /// <summary>A quoted part of several words as one part per word (same column filter); any other part as itself.</summary>
    static IEnumerable<string> Words(string part)
    {
        var quote = part.IndexOf('"');
        if (quote < 0 || part.StartsWith('(')) return [part];
        var words = part[(quote + 1)..^1].Replace("\"\"", "\"").Split(NotWord, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 1 ? [part] : words.Select(w => part[..quote] + "\"" + w + "\"");
    }

    /// <summary>Whether the listing has at least <paramref name="n"/> matches.</summary>
    async Task<bool> HasAsync(DbConnection conn, Listing listing, int n, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM (SELECT papers_fts.rowid {listing.From(cmd)} LIMIT {SearchSql.Add(cmd, "n", n)})";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) >= n;
    }

    public async Task<IReadOnlySet<string>> KeepMatchingAsync(IReadOnlyCollection<string> ids, SearchQuery query, SearchFilters filters, CancellationToken ct)
    {
        if (ids.Count == 0) return new HashSet<string>();
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        var list = string.Join(", ", ids.Select((id, i) => SearchSql.Add(cmd, $"id{i}", id)));
        var sql = $"SELECT p.id FROM papers p WHERE p.id IN ({list}){SearchSql.Filters(cmd, filters, postgres: false)}";
        if (Fts5Expression.Must(query) is { } must)
            sql += $" AND EXISTS (SELECT 1 FROM papers_fts WHERE papers_fts MATCH {SearchSql.Add(cmd, "must", must)} AND papers_fts.rowid = p.rowid)";
        if (Fts5Expression.Excluded(query) is { } excluded)
            sql += $" AND NOT EXISTS (SELECT 1 FROM papers_fts WHERE papers_fts MATCH {SearchSql.Add(cmd, "ex", excluded)} AND papers_fts.rowid = p.rowid)";
        cmd.CommandText = sql;
        return (await SearchSql.ReadIdsAsync(cmd, ct)).ToHashSet();
    }

    public async Task RebuildAsync(CancellationToken ct)
    {
        await SqliteKeywordQueue.RebuildAsync((Microsoft.Data.Sqlite.SqliteConnection)await db.OpenConnectionAsync(ct), ct);
    }

}
