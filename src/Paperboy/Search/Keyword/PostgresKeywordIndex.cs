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
/// A long query first ranks the papers that contain all of its telling words, then fills up with the OR of them.
/// </summary>
public sealed class PostgresKeywordIndex(PaperboyDb db, KeywordIndexOptions options) : IKeywordIndex
{
    public async Task<IReadOnlyList<string>> MatchAsync(SearchQuery query, SearchFilters filters, int limit, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        var ids = query.IsLong ? await RankAsync(conn, query, all: true, filters, limit, ct) : [];
        if (ids.Count >= limit) return ids;
        var more = await RankAsync(conn, query, all: false, filters, limit + ids.Count, ct);
        var seen = ids.ToHashSet();
        ids.AddRange(more.Where(seen.Add).Take(limit - ids.Count).ToList());
        return ids;
    }

    async Task<List<string>> RankAsync(DbConnection conn, SearchQuery q, bool all, SearchFilters filters, int limit, CancellationToken ct)
    {
        var terms = TsQuery.Terms(q, all);
        var anyOf = q.IsLong && !all;
        // The OR of a long query's words matches nearly every paper: treated as common.
        var counts = anyOf ? [] : await PapersWithAsync(conn, terms, ct);
        var rare = anyOf ? [] : terms.Where((_, i) => counts[i] <= options.CommonTermPapers).ToList();
        await using var cmd = conn.CreateCommand();
        var full = TsQuery.Of(cmd, q, terms, anyOf);
        if (full is null) return [];
        var where = $"p.search_vector @@ {full}{SearchSql.Filters(cmd, filters, postgres: true)}";
        var n = SearchSql.Add(cmd, "limit", limit);
        if (terms.Count > 0 && rare.Count == 0)
        {
            var inTitle = TsQuery.InTitle(cmd, terms, anyOf);
            // The title tier reads the index entries of every paper with all the terms, positions and weights included
            // (0.85 s for "state space models" in 1M papers): when its rarest term is in more than TitleTierPapers papers,
            // the titles come first among the newest matches only.
            var window = anyOf || counts.Min() > options.TitleTierPapers;
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
            return (await SearchSql.ReadIdsAsync(cmd, ct)).Distinct().Take(limit).ToList();
        }
        var rank = rare.Count == terms.Count ? full : TsQuery.Rank(cmd, rare);
        cmd.CommandText = $"SELECT p.id FROM papers p WHERE {where} ORDER BY p.search_vector <=> {rank} LIMIT {n}";
        return await SearchSql.ReadIdsAsync(cmd, ct);
    }

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

    /// <summary>The generated column and its index never drift from papers.</summary>
    public Task RebuildAsync(CancellationToken ct) => Task.CompletedTask;

}
