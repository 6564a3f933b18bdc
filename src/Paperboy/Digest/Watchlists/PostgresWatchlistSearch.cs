using Npgsql;
using Paperboy.Search;
using Paperboy.Search.Keyword;
using Paperboy.Storage;

namespace Paperboy.Digest.Watchlists;

/// <summary>
/// Watch-lists on PostgreSQL: the keyword search of <c>/search</c> run over a digest's new papers only. Their
/// <c>search_vector</c> rows (the same generated tsvector /search matches) go into a temporary table with its own GIN
/// index, and every distinct query is answered there with the tsquery and filters <see cref="PostgresKeywordIndex"/>
/// uses, a few hundred queries per round trip.
/// </summary>
public static class PostgresWatchlistSearch
{
    const int QueriesPerBatch = 200;

    public static async Task<Dictionary<string, HashSet<string>>> MatchAsync(PaperboyDb db, IReadOnlyCollection<string> paperIds,
        IReadOnlyDictionary<string, SearchQuery> queries, CancellationToken ct)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (paperIds.Count == 0 || queries.Count == 0) return result;
        var conn = (NpgsqlConnection)await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE digest_candidates ON COMMIT DROP AS
                SELECT id, search_vector, categories, published_at, hidden, imported_upvotes, local_upvotes FROM papers WHERE id = ANY(@ids);
            CREATE INDEX ON digest_candidates USING gin (search_vector);
            ANALYZE digest_candidates;
            """, conn, tx))
        {
            create.Parameters.AddWithValue("ids", paperIds.ToArray());
            await create.ExecuteNonQueryAsync(ct);
        }
        foreach (var chunk in queries.Chunk(QueriesPerBatch))
        {
            await using var batch = new NpgsqlBatch(conn, tx);
            foreach (var (_, query) in chunk) batch.BatchCommands.Add(Command(query));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            foreach (var (key, _) in chunk)
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
                result[key] = ids;
                await reader.NextResultAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The query's SQL as /search builds it, over the candidates table (aliased p like papers there).</summary>
    static NpgsqlBatchCommand Command(SearchQuery q)
    {
        using var draft = new NpgsqlCommand();
        var filters = SearchSql.Filters(draft, SearchFilters.From(q), postgres: true);
        if (TsQuery.Match(draft, q) is { } match)
            draft.CommandText = $"SELECT p.id FROM digest_candidates p WHERE p.search_vector @@ {match}{filters}";
        else
        {
            // cat: (and exclusions) alone: every candidate in the category, minus the excluded.
            var excluded = TsQuery.Excluded(draft, q) is { } ex ? $" AND NOT (p.search_vector @@ {ex})" : "";
            draft.CommandText = $"SELECT p.id FROM digest_candidates p WHERE true{filters}{excluded}";
        }
        var command = new NpgsqlBatchCommand(draft.CommandText);
        foreach (NpgsqlParameter p in draft.Parameters) command.Parameters.Add(p.Clone());
        return command;
    }
}
