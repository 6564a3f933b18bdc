using Microsoft.Data.Sqlite;
using Paperboy.Search;
using Paperboy.Search.Keyword;
using Paperboy.Storage;

namespace Paperboy.Digest.Watchlists;

/// <summary>
/// Watch-lists on SQLite: the keyword search of <c>/search</c> run over a digest's new papers only. Those papers are copied
/// into an in-memory database with an FTS5 index declared exactly like <c>papers_fts</c> (its definition is read from the
/// file, so the tokenizer, porter stemming included, is the same), and every distinct query is answered there with the
/// MATCH expression and filters <see cref="SqliteKeywordIndex"/> uses. A query costs what the day's papers cost, not the
/// whole corpus's postings.
/// </summary>
public static class SqliteWatchlistSearch
{
    public static async Task<Dictionary<string, HashSet<string>>> MatchAsync(PaperboyDb db, IReadOnlyCollection<string> paperIds,
        IReadOnlyDictionary<string, SearchQuery> queries, CancellationToken ct)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (paperIds.Count == 0 || queries.Count == 0) return result;
        await using var mem = new SqliteConnection("Data Source=:memory:");
        await mem.OpenAsync(ct);
        await CopyAsync(db, mem, paperIds, ct);
        var commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var (key, query) in queries)
            {
                result[key] = (await SearchSql.ReadIdsAsync(Command(mem, commands, query), ct)).ToHashSet(StringComparer.Ordinal);
            }
        }
        finally
        {
            foreach (var c in commands.Values) await c.DisposeAsync();
        }
        return result;
    }

    /// <summary>The query's SQL (as /search builds it), on a command reused for every query of the same shape.</summary>
    static SqliteCommand Command(SqliteConnection mem, Dictionary<string, SqliteCommand> commands, SearchQuery q)
    {
        var draft = mem.CreateCommand();
        var filters = SearchSql.Filters(draft, SearchFilters.From(q), postgres: false);
        if (Fts5Expression.Match(q) is { } match)
            draft.CommandText = "SELECT p.id FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid " +
                                $"WHERE papers_fts MATCH {SearchSql.Add(draft, "m", match)}{filters}";
        else
        {
            // cat: (and exclusions) alone: no words to look up, so every candidate in the category, minus the excluded.
            var excluded = Fts5Expression.Excluded(q) is { } ex
                ? $" AND NOT EXISTS (SELECT 1 FROM papers_fts WHERE papers_fts MATCH {SearchSql.Add(draft, "ex", ex)} AND papers_fts.rowid = p.rowid)"
                : "";
            draft.CommandText = $"SELECT p.id FROM papers p WHERE 1 = 1{filters}{excluded}";
        }
        if (!commands.TryGetValue(draft.CommandText, out var cmd))
        {
            commands[draft.CommandText] = draft;
            return draft;
        }
        foreach (SqliteParameter p in draft.Parameters) cmd.Parameters[p.ParameterName].Value = p.Value;
        draft.Dispose();
        return cmd;
    }

    static async Task CopyAsync(PaperboyDb db, SqliteConnection mem, IReadOnlyCollection<string> paperIds, CancellationToken ct)
    {
        var main = await db.OpenConnectionAsync(ct);
        string fts;
        await using (var def = main.CreateCommand())
        {
            def.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'papers_fts'";
            fts = (string?)await def.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("papers_fts is missing: run paperboy migrate");
        }
        await using var tx = (SqliteTransaction)await mem.BeginTransactionAsync(ct);
        await using (var create = mem.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = "CREATE TABLE papers (id TEXT NOT NULL, title TEXT NOT NULL, abstract TEXT NOT NULL, authors TEXT NOT NULL, " +
                                 "categories TEXT NOT NULL, published_at TEXT NOT NULL, hidden INTEGER NOT NULL, imported_upvotes INTEGER NOT NULL, " +
                                 "local_upvotes INTEGER NOT NULL); " + fts;
            await create.ExecuteNonQueryAsync(ct);
        }
        const string columns = "id, title, abstract, authors, categories, published_at, hidden, imported_upvotes, local_upvotes";
        await using var read = main.CreateCommand();
        read.CommandText = $"SELECT {columns} FROM papers WHERE id IN (SELECT value FROM json_each(@ids))";
        SearchSql.Add(read, "ids", System.Text.Json.JsonSerializer.Serialize(paperIds));
        await using var insert = mem.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO papers ({columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)";
        for (var i = 0; i < 9; i++) insert.Parameters.Add(new SqliteParameter("@p" + i, null));
        insert.Prepare();
        await using (var r = await read.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                for (var i = 0; i < 9; i++) insert.Parameters[i].Value = r.GetValue(i);
                insert.ExecuteNonQuery();
            }
        await using (var rebuild = mem.CreateCommand())
        {
            rebuild.Transaction = tx;
            rebuild.CommandText = "INSERT INTO papers_fts (papers_fts) VALUES ('rebuild')";
            await rebuild.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
