using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Search.Keyword;

/// <summary>
/// Keyword search on PostgreSQL: papers.search_vector (title A, abstract B, authors C) under a RUM index, which
/// returns matches already ordered by rank (<c>&lt;=&gt;</c>), so a LIMIT stops early, but only after computing the
/// rank of every match: 3 s for a word in 900k papers. As on SQLite (<see cref="SqliteKeywordIndex"/>), a term in more
/// than <see cref="KeywordIndexOptions.CommonTermPapers"/> papers (by the planner's statistics of the column's most
/// common lexemes) only filters and the rarer terms rank; when every term is that common, the newest papers with all
/// the words in the title come first, then the newest others (a backward scan of the published_at index); when even
/// the rarest term is in more than <see cref="KeywordIndexOptions.TitleTierPapers"/> papers, titles come first among
/// the newest matches only.
/// A query of plain words first ranks the papers with all of its words, then fills up with those that have any of its
/// rarer telling words (<see cref="AnyAsync"/>); a long query (a pasted text) only the latter.
/// </summary>
public sealed class PostgresKeywordIndex(PaperboyDb db, KeywordIndexOptions options) : IKeywordIndex
{
    public async Task<IReadOnlyList<KeywordHit>> MatchAsync(SearchQuery query, SearchFilters filters, int limit, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        if (query.IsLong && await AnyAsync(conn, query, filters, limit, ct) is { } pasted) return pasted;
        var ids = await RankAsync(conn, query, filters, limit, ct);
        if (!query.AnyWords || query.IsLong || ids.Count >= limit) return ids;
        // A few plain words: the papers with all of them first, then those with some of them.
        return await AnyAsync(conn, query, filters, limit, ct) is { } any ? ids.ThenFill(any, limit) : ids;
    }

    /// <summary>
    /// An any-of query (<see cref="SearchQuery.AnyWords"/>), as on SQLite: the papers with any of the telling words
    /// <see cref="AnyOfTerms"/> weighs, ranked by RUM; null when every term is common.
    /// </summary>
    async Task<List<KeywordHit>?> AnyAsync(DbConnection conn, SearchQuery q, SearchFilters filters, int limit, CancellationToken ct)
    {
        var terms = LongQueryTerms.Telling(q.Words);
        if (terms.Count == 0) return null;
        var counts = await PapersWithAsync(conn, terms, ct);
        if (AnyOfTerms.Choose(terms.Zip(counts), options) is not { } plan) return null;
        await using var cmd = conn.CreateCommand();
        var match = TsQuery.AnyOf(cmd, plan.Ranked)!;
        var where = $"p.search_vector @@ {match}{SearchSql.Filters(cmd, filters, postgres: true)}";
        if (TsQuery.Must(cmd, q) is { } must) where += $" AND p.search_vector @@ {must}";
        if (TsQuery.Excluded(cmd, q) is { } excluded) where += $" AND NOT (p.search_vector @@ {excluded})";
        var n = SearchSql.Add(cmd, "limit", limit);
        // A pasted text: first the papers with all of its rarest words, weighed or not, by the same rank, then the others.
        cmd.CommandText = q.IsLong && plan.Rarest.Count > 1
            ? $"""
              SELECT id, d FROM (
                  (SELECT p.id, 0 AS tier, p.search_vector <=> {match} AS d FROM papers p WHERE {where} AND p.search_vector @@ {TsQuery.Rank(cmd, plan.Rarest)}
                   ORDER BY d LIMIT {n})
                  UNION ALL
                  (SELECT p.id, 1, p.search_vector <=> {match} AS d FROM papers p WHERE {where} ORDER BY d LIMIT {n})) x
              ORDER BY tier, d
              """
            : $"SELECT p.id, p.search_vector <=> {match} AS d FROM papers p WHERE {where} ORDER BY d LIMIT {n}";
        var hits = await SearchSql.ReadHitsAsync(cmd, Relevance, ct);
        return hits.DistinctBy(h => h.Id).Take(limit).ToList();
    }

    /// <summary>The papers with every word of the query (a long query: every one of its telling words).</summary>
    async Task<List<KeywordHit>> RankAsync(DbConnection conn, SearchQuery q, SearchFilters filters, int limit, CancellationToken ct)
    {
        var terms = TsQuery.Terms(q, all: true);
        var counts = await PapersWithAsync(conn, terms, ct);
        var rare = terms.Where((_, i) => counts[i] <= options.CommonTermPapers).ToList();
        await using var cmd = conn.CreateCommand();
        var full = TsQuery.Of(cmd, q, terms, anyOf: false);
        if (full is null) return [];
        var where = $"p.search_vector @@ {full}{SearchSql.Filters(cmd, filters, postgres: true)}";
        var n = SearchSql.Add(cmd, "limit", limit);
        if (terms.Count > 0 && rare.Count == 0)
        {
            var inTitle = TsQuery.InTitle(cmd, terms);
            // The title tier reads the index entries of every paper with all the terms, positions and weights included
            // (0.85 s for "state space models" in 1M papers): when its rarest term is in more than TitleTierPapers papers,
            // the titles come first among the newest matches only.
            var window = counts.Min() > options.TitleTierPapers;
            cmd.CommandText = window
                ? $"""
                  SELECT id FROM (SELECT p.id, p.published_at, p.search_vector FROM papers p WHERE {where} ORDER BY p.published_at DESC LIMIT {n}) w
                  ORDER BY w.search_vector @@ {inTitle} DESC, w.published_at DESC
                  """
                : $"""
                  SELECT id FROM (
                      (SELECT p.id, 0 AS tier, p.published_at FROM papers p WHERE {where} AND p.search_vector @@ {inTitle}
                       ORDER BY p.published_at DESC LIMIT {n})
                      UNION ALL
                      (SELECT p.id, 1, p.published_at FROM papers p WHERE {where} ORDER BY p.published_at DESC LIMIT {n})) x
                  ORDER BY tier, published_at DESC
                  """;
            return (await SearchSql.ReadIdsAsync(cmd, ct)).Distinct().Take(limit).Select(id => new KeywordHit(id, double.NaN)).ToList();
        }
        var rank = rare.Count == terms.Count ? full : TsQuery.Rank(cmd, rare);
        cmd.CommandText = $"SELECT p.id, p.search_vector <=> {rank} AS d FROM papers p WHERE {where} ORDER BY d LIMIT {n}";
        return await SearchSql.ReadHitsAsync(cmd, Relevance, ct);
    }

    /// <summary>RUM's distance is the inverse of its rank: the rank is the relevance.</summary>
    static double Relevance(double distance) => distance > 0 && !double.IsInfinity(distance) ? 1 / distance : 0;

    /// <summary>
    /// How many papers have each term, by the planner's statistics (pg_stats.most_common_elems of search_vector,
    /// refreshed by ANALYZE): a term counts as its rarest lexeme; a lexeme not listed (rarer than the 1,000 listed) as 0.
    /// </summary>
    async Task<double[]> PapersWithAsync(DbConnection conn, IReadOnlyList<string> terms, CancellationToken ct)
    {
        if (terms.Count == 0) return [];
        await using var cmd = conn.CreateCommand();
        var columns = string.Join(", ", terms.Select((t, i) =>
            $"(SELECT coalesce(min(coalesce(c.f, 0)), 0) FROM unnest(tsvector_to_array(to_tsvector('english', {SearchSql.Add(cmd, "t" + i, t)}))) l LEFT JOIN common c ON c.e = l)"));
        cmd.CommandText = $"""
            WITH common AS (
                SELECT u.e, u.f * greatest(c.reltuples, 0) AS f FROM pg_stats s, pg_class c,
                    unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(e, f)
                WHERE s.tablename = 'papers' AND s.attname = 'search_vector' AND c.oid = 'papers'::regclass AND u.e IS NOT NULL)
            SELECT {columns}
            """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return terms.Select((_, i) => Convert.ToDouble(reader.GetValue(i))).ToArray();
    }

    public async Task<IReadOnlySet<string>> KeepMatchingAsync(IReadOnlyCollection<string> ids, SearchQuery query, SearchFilters filters, CancellationToken ct)
    {
        if (ids.Count == 0) return new HashSet<string>();
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        var sql = $"SELECT p.id FROM papers p WHERE p.id = ANY({SearchSql.Add(cmd, "ids", ids.ToArray())}){SearchSql.Filters(cmd, filters, postgres: true)}";
        if (TsQuery.Must(cmd, query) is { } must) sql += $" AND p.search_vector @@ {must}";
        if (TsQuery.Excluded(cmd, query) is { } excluded) sql += $" AND NOT (p.search_vector @@ {excluded})";
        cmd.CommandText = sql;
        return (await SearchSql.ReadIdsAsync(cmd, ct)).ToHashSet();
    }

    /// <summary>
    /// The generated column never drifts from papers; the index is only ever missing after a bulk import was killed
    /// while writing without it (<see cref="PostgresKeywordBulkLoad"/>): then this builds it.
    /// </summary>
    public async Task RebuildAsync(CancellationToken ct) =>
        await PostgresKeywordBulkLoad.RestoreAsync((Npgsql.NpgsqlConnection)await db.OpenConnectionAsync(ct), ct);

}
