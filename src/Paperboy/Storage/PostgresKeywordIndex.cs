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
        await using var cmd = conn.CreateCommand();
        var match = TsQuery.Match(cmd, query);
        if (match is null) return [];
        cmd.CommandText = $"""
            SELECT p.id FROM papers p
            WHERE p.search_vector @@ {match}{SearchSql.Filters(cmd, filters, postgres: true)}
            ORDER BY p.search_vector <=> {match} LIMIT {SearchSql.Add(cmd, "limit", limit)}
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
