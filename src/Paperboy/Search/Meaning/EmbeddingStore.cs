using System.Runtime.InteropServices;
using Paperboy.Storage;

namespace Paperboy.Search.Meaning;

/// <summary>paper_embeddings: one float32 vector per paper and model, the same SQL on both engines.</summary>
public sealed class EmbeddingStore(PaperboyDb db)
{
    /// <summary>
    /// Up to <paramref name="limit"/> papers with ids after <paramref name="afterId"/> that have no vector for the
    /// model yet, in id order. The caller walks the ids with it: starting over from the first paper each time would
    /// re-check every paper already embedded (a million index probes per batch at 1M papers).
    /// </summary>
    public async Task<List<(string Id, string Title, string Abstract)>> ListMissingAsync(string model, int limit, CancellationToken ct, string afterId = "")
    {
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
            SELECT p.id, p.title, p.abstract FROM papers p
            WHERE p.id > {SearchSql.Add(cmd, "after", afterId)}
              AND NOT EXISTS (SELECT 1 FROM paper_embeddings e WHERE e.paper_id = p.id AND e.model = {SearchSql.Add(cmd, "model", model)})
            ORDER BY p.id
            LIMIT {SearchSql.Add(cmd, "limit", limit)}
            """;
        var list = new List<(string, string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return list;
    }

    public async Task SaveAsync(string model, IReadOnlyList<(string Id, float[] Vector)> vectors, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var (id, vector) in vectors)
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                INSERT INTO paper_embeddings (paper_id, model, vector, created_at)
                VALUES ({SearchSql.Add(cmd, "id", id)}, {SearchSql.Add(cmd, "model", model)}, {SearchSql.Add(cmd, "vector", MemoryMarshal.AsBytes(vector.AsSpan()).ToArray())}, {SearchSql.Add(cmd, "at", DateTime.UtcNow)})
                ON CONFLICT (paper_id, model) DO UPDATE SET vector = excluded.vector, created_at = excluded.created_at
                """;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Streams every stored vector of the model to <paramref name="each"/>.</summary>
    public async Task<int> LoadAllAsync(string model, Action<string, float[]> each, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT paper_id, vector FROM paper_embeddings WHERE model = {SearchSql.Add(cmd, "model", model)}";
        cmd.CommandTimeout = 3600;
        var n = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var bytes = (byte[])reader.GetValue(1);
            each(reader.GetString(0), MemoryMarshal.Cast<byte, float>(bytes).ToArray());
            n++;
        }
        return n;
    }

    /// <summary>How many papers there are and how many of them have a vector for the model.</summary>
    public async Task<(long Papers, long Embedded)> CountAsync(string model, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT (SELECT COUNT(*) FROM papers), (SELECT COUNT(*) FROM paper_embeddings WHERE model = {SearchSql.Add(cmd, "model", model)})";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
