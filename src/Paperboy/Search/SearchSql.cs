using System.Data.Common;

namespace Paperboy.Search;

/// <summary>The filter clauses both engines share (papers aliased <c>p</c>), with their parameters.</summary>
public static class SearchSql
{
    public static string Filters(DbCommand cmd, SearchFilters f, bool postgres)
    {
        var sql = postgres ? " AND NOT p.hidden" : " AND p.hidden = 0";
        if (f.Since is { } since)
            sql += " AND p.published_at >= " + Add(cmd, "since", postgres ? since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : since.ToString("yyyy-MM-dd"));
        if (f.Until is { } until)
        {
            var next = until.AddDays(1);
            sql += " AND p.published_at < " + Add(cmd, "until", postgres ? next.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : next.ToString("yyyy-MM-dd"));
        }
        for (var i = 0; i < f.Categories.Count; i++)
            sql += $" AND p.categories {(postgres ? "ILIKE" : "LIKE")} " + Add(cmd, $"cat{i}", $"%\"{f.Categories[i]}\"%");
        if (f.MinVotes is { } votes) sql += " AND p.imported_upvotes + p.local_upvotes >= " + Add(cmd, "votes", votes);
        return sql;
    }

    public static string Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
        return "@" + name;
    }

    /// <summary>Rows of (id, score): the score as <paramref name="relevance"/> makes it, NaN for a null.</summary>
    public static async Task<List<Keyword.KeywordHit>> ReadHitsAsync(DbCommand cmd, Func<double, double> relevance, CancellationToken ct)
    {
        var hits = new List<Keyword.KeywordHit>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            hits.Add(new(reader.GetString(0), reader.IsDBNull(1) ? double.NaN : relevance(Convert.ToDouble(reader.GetValue(1)))));
        return hits;
    }

    public static async Task<List<string>> ReadIdsAsync(DbCommand cmd, CancellationToken ct)
    {
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }
}
