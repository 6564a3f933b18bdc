using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Paperboy.Search;

namespace Paperboy.Storage;

/// <summary>
/// Keyword search on SQLite FTS5 (table papers_fts, see migration 0005). FTS5 computes bm25 for every match it
/// orders (about 3 µs each), so a common word would rank a large part of the corpus: only the newest
/// <see cref="MaxScored"/> matches (by rowid, i.e. by arrival) that pass the filters are scored, found first by
/// walking the index backwards without scoring; a query with fewer matches is ranked exactly. A long query (a pasted
/// title or abstract) first ranks the papers that contain all of its telling words, then fills up with the OR of them.
/// </summary>
public sealed class SqliteKeywordIndex(PaperboyDb db) : IKeywordIndex
{
    public const int MaxScored = 2000;
    // Column weights for bm25: title over abstract over authors.
    const string Rank = "bm25(papers_fts, 10.0, 3.0, 1.0)";
    // Ranked rows fetched beyond the limit without looking at papers, so that a few hidden ones do not leave the page short.
    const int HiddenSlack = 20;

    public async Task<IReadOnlyList<string>> MatchAsync(SearchQuery query, SearchFilters filters, int limit, CancellationToken ct)
    {
        var match = Fts5Expression.Match(query);
        if (match is null) return [];
        var conn = await OpenAsync(ct);
        var ids = Fts5Expression.MatchAll(query) is { } all ? await RankAsync(conn, all, filters, limit, ct) : [];
        if (ids.Count >= limit) return ids;
        var seen = ids.ToHashSet();
        var more = await RankAsync(conn, match, filters, limit + ids.Count, ct);
        ids.AddRange(more.Where(seen.Add).Take(limit - ids.Count).ToList());
        return ids;
    }

    async Task<List<string>> RankAsync(DbConnection conn, string match, SearchFilters filters, int limit, CancellationToken ct)
    {
        var filtered = filters.Since is not null || filters.Until is not null || filters.Categories.Count > 0 || filters.MinVotes is not null;
        long? lowest;
        await using (var bound = conn.CreateCommand())
        {
            bound.CommandText = filtered
                ? $"""
                  SELECT papers_fts.rowid FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid
                  WHERE papers_fts MATCH @m{SearchSql.Filters(bound, filters, postgres: false)}
                  ORDER BY papers_fts.rowid DESC LIMIT 1 OFFSET @skip
                  """
                : "SELECT rowid FROM papers_fts WHERE papers_fts MATCH @m ORDER BY rowid DESC LIMIT 1 OFFSET @skip";
            SearchSql.Add(bound, "m", match);
            SearchSql.Add(bound, "skip", MaxScored - 1);
            lowest = await bound.ExecuteScalarAsync(ct) as long?;
        }
        if (!filtered)
        {
            // Rank inside the index alone, then drop hidden papers from the top: no papers row is read for the others.
            await using var fast = conn.CreateCommand();
            fast.CommandText = $"""
                SELECT p.id FROM (
                    SELECT rowid AS r, {Rank} AS score FROM papers_fts
                    WHERE papers_fts MATCH {SearchSql.Add(fast, "m", match)}{Lowest(fast, lowest)}
                    ORDER BY score LIMIT {SearchSql.Add(fast, "n", limit + HiddenSlack)}) f
                JOIN papers p ON p.rowid = f.r WHERE p.hidden = 0
                ORDER BY f.score LIMIT {SearchSql.Add(fast, "limit", limit)}
                """;
            var ids = await SearchSql.ReadIdsAsync(fast, ct);
            if (ids.Count == limit || !await MoreMatchesAsync(conn, match, lowest, limit + HiddenSlack, ct)) return ids;
        }
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
            SELECT p.id FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid
            WHERE papers_fts MATCH {SearchSql.Add(cmd, "m", match)}{Lowest(cmd, lowest)}{SearchSql.Filters(cmd, filters, postgres: false)}
            ORDER BY {Rank} LIMIT {SearchSql.Add(cmd, "limit", limit)}
            """;
        return await SearchSql.ReadIdsAsync(cmd, ct);
    }

    static string Lowest(DbCommand cmd, long? lowest) => lowest is null ? "" : " AND papers_fts.rowid >= " + SearchSql.Add(cmd, "lowest", lowest.Value);

    /// <summary>Whether the window holds at least <paramref name="n"/> matches (then hidden papers made the page short).</summary>
    static async Task<bool> MoreMatchesAsync(DbConnection conn, string match, long? lowest, int n, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM (SELECT rowid FROM papers_fts WHERE papers_fts MATCH {SearchSql.Add(cmd, "m", match)}{Lowest(cmd, lowest)} LIMIT {SearchSql.Add(cmd, "n", n)})";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) >= n;
    }

    public async Task<IReadOnlySet<string>> KeepMatchingAsync(IReadOnlyCollection<string> ids, SearchQuery query, SearchFilters filters, CancellationToken ct)
    {
        if (ids.Count == 0) return new HashSet<string>();
        var conn = await OpenAsync(ct);
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
        var conn = await OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "INSERT INTO papers_fts (papers_fts) VALUES ('rebuild')";
        cmd.CommandTimeout = 3600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return conn;
    }
}
