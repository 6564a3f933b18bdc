using System.Runtime.InteropServices;
using Paperboy.Storage;

namespace Paperboy.Search.Meaning;

/// <summary>paper_embeddings: one float32 vector per paper and model, the same SQL on both engines.</summary>
public sealed class EmbeddingStore(PaperboyDb db)
{
    /// <summary>
    /// Papers without a vector of <paramref name="model"/>, newest first: among the <paramref name="window"/> most
    /// recently published papers, or (<paramref name="window"/> null) all of them below <paramref name="after"/>, a
    /// (published_at, id) position as this method returned it (<c>At</c> is the engine's own value, compared as stored).
    /// </summary>
    public async Task<List<(string Id, string Title, string Abstract, object At)>> ListMissingAsync(string model, int limit, CancellationToken ct,
        int? window = null, (object At, string Id)? after = null)
    {
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        var papers = window is { } n
            ? $"(SELECT id, title, abstract, published_at FROM papers ORDER BY published_at DESC, id DESC LIMIT {SearchSql.Add(cmd, "window", n)})"
            : "papers";
        var below = after is { } a
            ? $"AND (p.published_at < {SearchSql.Add(cmd, "at", a.At)} OR (p.published_at = {SearchSql.Add(cmd, "at2", a.At)} AND p.id < {SearchSql.Add(cmd, "id", a.Id)}))"
            : "";
        cmd.CommandText = $"""
            SELECT p.id, p.title, p.abstract, p.published_at FROM {papers} p
            WHERE NOT EXISTS (SELECT 1 FROM paper_embeddings e WHERE e.paper_id = p.id AND e.model = {SearchSql.Add(cmd, "model", model)}) {below}
            ORDER BY p.published_at DESC, p.id DESC
            LIMIT {SearchSql.Add(cmd, "limit", limit)}
            """;
        var list = new List<(string, string, string, object)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetValue(3)));
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
    public async Task<int> LoadAllAsync(string model, Action<string, float[]> each, CancellationToken ct) =>
        (await LoadAsync(model, null, each, ct)).Count;

    /// <summary>
    /// Streams the vectors of the model stored after <paramref name="since"/> (all when null), and returns how many and
    /// the newest one's time: the caller asks again from there (minus a margin for writes still committing).
    /// </summary>
    public async Task<(int Count, DateTime? Newest)> LoadAsync(string model, DateTime? since, Action<string, float[]> each, CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        var after = since is { } t ? $"AND created_at > {SearchSql.Add(cmd, "since", t)}" : "";
        cmd.CommandText = $"SELECT paper_id, vector, created_at FROM paper_embeddings WHERE model = {SearchSql.Add(cmd, "model", model)} {after}";
        cmd.CommandTimeout = 3600;
        var n = 0;
        DateTime? newest = null;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var bytes = (byte[])reader.GetValue(1);
            each(reader.GetString(0), MemoryMarshal.Cast<byte, float>(bytes).ToArray());
            var at = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
            if (newest is null || at > newest) newest = at;
            n++;
        }
        return (n, newest);
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
