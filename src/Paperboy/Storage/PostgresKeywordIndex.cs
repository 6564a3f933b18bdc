using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Paperboy.Search;

namespace Paperboy.Storage;

/// <summary>
/// Keyword search on PostgreSQL: papers.search_vector (title A, abstract B, authors C) under a RUM index, which
/// returns matches already ordered by rank (<c>&lt;=&gt;</c>), so a LIMIT stops early even for a common word.
/// </summary>
public sealed class PostgresKeywordIndex(PaperboyDb db) : IKeywordIndex
{
    public async Task<IReadOnlyList<string>> MatchAsync(SearchQuery query, SearchFilters filters, int limit, CancellationToken ct)
    {
        var conn = await OpenAsync(ct);
        var ids = await RankAsync(conn, cmd => TsQuery.MatchAll(cmd, query), filters, limit, ct) ?? [];
        if (ids.Count >= limit) return ids;
        var more = await RankAsync(conn, cmd => TsQuery.Match(cmd, query), filters, limit + ids.Count, ct);
        if (more is null) return [];
        var seen = ids.ToHashSet();
        ids.AddRange(more.Where(seen.Add).Take(limit - ids.Count).ToList());
        return ids;
    }

    /// <summary>The best <paramref name="limit"/> matches of the tsquery that <paramref name="match"/> builds, or null when it builds none.</summary>
    static async Task<List<string>?> RankAsync(DbConnection conn, Func<DbCommand, string?> match, SearchFilters filters, int limit, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        if (match(cmd) is not { } tsquery) return null;
        cmd.CommandText = $"""
            SELECT p.id FROM papers p
            WHERE p.search_vector @@ {tsquery}{SearchSql.Filters(cmd, filters, postgres: true)}
            ORDER BY p.search_vector <=> {tsquery} LIMIT {SearchSql.Add(cmd, "limit", limit)}
            """;
        return await SearchSql.ReadIdsAsync(cmd, ct);
    }

    public async Task<IReadOnlySet<string>> KeepMatchingAsync(IReadOnlyCollection<string> ids, SearchQuery query, SearchFilters filters, CancellationToken ct)
    {
        if (ids.Count == 0) return new HashSet<string>();
        var conn = await OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        var sql = $"SELECT p.id FROM papers p WHERE p.id = ANY({SearchSql.Add(cmd, "ids", ids.ToArray())}){SearchSql.Filters(cmd, filters, postgres: true)}";
        if (TsQuery.Must(cmd, query) is { } must) sql += $" AND p.search_vector @@ {must}";
        if (TsQuery.Excluded(cmd, query) is { } excluded) sql += $" AND NOT (p.search_vector @@ {excluded})";
        cmd.CommandText = sql;
        return (await SearchSql.ReadIdsAsync(cmd, ct)).ToHashSet();
    }

    /// <summary>The generated column and its index never drift from papers.</summary>
    public Task RebuildAsync(CancellationToken ct) => Task.CompletedTask;

    async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return conn;
    }
}
