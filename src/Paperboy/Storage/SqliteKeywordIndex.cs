using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Paperboy.Search;

namespace Paperboy.Storage;

/// <summary>
/// Keyword search on SQLite FTS5 (table papers_fts, see migrations 0005 and 0006: papers a bulk import queued are found once indexed). FTS5 computes bm25 for every match it
/// orders, so a common word would rank a large part of the corpus: only the newest <see cref="MaxScored"/> matches
/// (by rowid, i.e. by arrival) are scored, found first by walking the index without scoring.
/// </summary>
public sealed class SqliteKeywordIndex(PaperboyDb db) : IKeywordIndex
{
    public const int MaxScored = 5000;
    // Column weights for bm25: title over abstract over authors.
    const string Rank = "bm25(papers_fts, 10.0, 3.0, 1.0)";

    public async Task<IReadOnlyList<string>> MatchAsync(SearchQuery query, SearchFilters filters, int limit, CancellationToken ct)
    {
        var match = Fts5Expression.Match(query);
        if (match is null) return [];
        var conn = await OpenAsync(ct);
        long? lowest;
        await using (var bound = conn.CreateCommand())
        {
            bound.CommandText = "SELECT rowid FROM papers_fts WHERE papers_fts MATCH @m ORDER BY rowid DESC LIMIT 1 OFFSET @skip";
            SearchSql.Add(bound, "m", match);
            SearchSql.Add(bound, "skip", MaxScored - 1);
            lowest = await bound.ExecuteScalarAsync(ct) as long?;
        }
        await using var cmd = conn.CreateCommand();
        var rowidBound = lowest is null ? "" : " AND papers_fts.rowid >= " + SearchSql.Add(cmd, "lowest", lowest.Value);
        cmd.CommandText = $"""
            SELECT p.id FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid
            WHERE papers_fts MATCH {SearchSql.Add(cmd, "m", match)}{rowidBound}{SearchSql.Filters(cmd, filters, postgres: false)}
            ORDER BY {Rank} LIMIT {SearchSql.Add(cmd, "limit", limit)}
            """;
        return await SearchSql.ReadIdsAsync(cmd, ct);
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
        await SqliteKeywordQueue.RebuildAsync((Microsoft.Data.Sqlite.SqliteConnection)await OpenAsync(ct), ct);
    }

    async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return conn;
    }
}
