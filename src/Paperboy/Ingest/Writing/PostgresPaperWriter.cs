using Npgsql;
using NpgsqlTypes;
using Paperboy.Search.Keyword;

namespace Paperboy.Ingest.Writing;

/// <summary>
/// PostgreSQL: each batch is binary-COPied into a session temp table, then applied with one UPDATE ... FROM
/// (only rows where something IS DISTINCT FROM the stored value, so a re-import rewrites no row) and one INSERT of the
/// ids not stored yet; the search vector is a generated column, computed by that INSERT. A bulk batch
/// (<see cref="ImportBatch.IndexLater"/>) that brings many papers for the size of the table drops the keyword index
/// for the rest of the import, which builds it again at its end (<see cref="PostgresKeywordBulkLoad"/>): maintained row
/// by row, RUM costs thirteen times its build. Commits do not wait for the WAL flush: a batch lost in a server crash
/// loses its cursor with it, so the import resumes before it.
/// </summary>
sealed class PostgresPaperWriter(string connectionString) : PaperWriter
{
    const string Staging = """
        CREATE TEMP TABLE IF NOT EXISTS incoming_papers (
            id text, version integer, arx boolean, title text, abstract text, authors text, categories text,
            published_at timestamptz, updated_at timestamptz, comment text, journal_ref text, doi text,
            project_page text, github_repo text, github_stars integer, ai_summary text, ai_keywords text,
            thumbnail text, organization text, imported_upvotes integer, imported_comments integer, imported_list_day date, keywords text
        ) ON COMMIT DELETE ROWS
        """;

    const string Columns = "id, version, arx, title, abstract, authors, categories, published_at, updated_at, comment, journal_ref, doi, " +
                           "project_page, github_repo, github_stars, ai_summary, ai_keywords, thumbnail, organization, imported_upvotes, imported_comments, imported_list_day, keywords";

    // The staging table has no statistics, and the planner, taking it for larger than the batch it holds, joined it to
    // papers by a merge join over papers' primary key (0.3 s a batch at 75k papers, growing with the table). A batch is
    // thousands of rows against up to millions: one index probe per incoming row is always the plan wanted.
    static readonly string Update =
        "SET LOCAL synchronous_commit = off; SET LOCAL enable_mergejoin = off; SET LOCAL enable_hashjoin = off;\n" +
        $"UPDATE papers p SET\n  {PaperUpsertSql.SetClause("i.", "p.")}\nFROM incoming_papers i\nWHERE p.id = i.id AND (\n  {PaperUpsertSql.Changed("i.", "IS DISTINCT FROM", "p.")})";

    static readonly string Insert =
        $"INSERT INTO papers ({PaperUpsertSql.InsertColumns})\n" +
        "SELECT i.id, coalesce(i.version, 1), i.title, i.abstract, i.authors, i.categories, i.published_at, i.updated_at, i.comment, i.journal_ref, i.doi, " +
        "i.project_page, i.github_repo, i.github_stars, i.ai_summary, coalesce(i.ai_keywords, '[]'), i.thumbnail, i.organization, " +
        "coalesce(i.imported_upvotes, 0), coalesce(i.imported_comments, 0), i.imported_list_day, @now, i.keywords\n" +
        "FROM incoming_papers i WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = i.id)\nON CONFLICT (id) DO NOTHING";

    const string CountNew = "SELECT count(*) FROM incoming_papers i WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = i.id)";

    static readonly string Featured =
        $"INSERT INTO featured_papers ({PaperUpsertSql.FeaturedColumns}) " +
        "SELECT f.paper_id, f.day, f.featured_at, 0, f.submitted_by, f.submitted_by_name, f.published_at, f.hf_position, f.discussion_id, " +
        "f.media_urls, f.github_repo_added_by, f.ai_summary_model, f.is_author_participating, f.organization_name, f.organization_avatar " +
        "FROM unnest(@paper_id, @day, @featured_at, @submitted_by, @submitted_by_name, @published_at, @hf_position, @discussion_id, @media_urls, " +
        "@github_repo_added_by, @ai_summary_model, @is_author_participating, @organization_name, @organization_avatar) " +
        "AS f(paper_id, day, featured_at, submitted_by, submitted_by_name, published_at, hf_position, discussion_id, media_urls, " +
        "github_repo_added_by, ai_summary_model, is_author_participating, organization_name, organization_avatar) " +
        PaperUpsertSql.FeaturedConflict("IS DISTINCT FROM");

    // A batch may maintain the search index (RUM) for thousands of rows, and the end of a bulk import builds it; that
    // may take longer than the default 30 s on a busy machine, and an import must not fail for it. Cancellation still
    // stops it. Not pooled: the session's mark that it writes without the index (an advisory lock) must end when the
    // writer is disposed, not when a pooled connection is next reset.
    readonly NpgsqlConnection _conn = new(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false }.ToString());

    /// <summary>Papers stored when this import's first bulk batch came; papers this import has added since.</summary>
    long? _storedBefore;
    long _added;
    /// <summary>This import writes without the keyword index and builds it at its end.</summary>
    bool _indexDeferred;

    internal override async Task OpenAsync(CancellationToken ct)
    {
        await _conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(Staging, _conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    protected override async Task<ImportCounts> WriteCoreAsync(ImportBatch batch, string[] keywords, long? runId, CancellationToken ct)
    {
        await using var tx = await _conn.BeginTransactionAsync(ct);
        await CopyAsync(batch.Papers, keywords, ct);
        int updated, inserted, featured = 0;
        await using (var cmd = new NpgsqlCommand(Update, _conn, tx)) updated = await cmd.ExecuteNonQueryAsync(ct);
        if (batch.IndexLater && !_indexDeferred) _indexDeferred = await DeferIndexAsync(tx, ct);
        await using (var cmd = new NpgsqlCommand(Insert, _conn, tx))
        {
            cmd.Parameters.AddWithValue("now", DateTime.UtcNow);
            inserted = await cmd.ExecuteNonQueryAsync(ct);
        }
        _added += inserted;
        if (batch.Featured.Count > 0)
        {
            await using var cmd = new NpgsqlCommand(Featured, _conn, tx);
            cmd.Parameters.AddWithValue("paper_id", batch.Featured.Select(f => f.PaperId).ToArray());
            cmd.Parameters.AddWithValue("day", batch.Featured.Select(f => f.Day).ToArray());
            cmd.Parameters.AddWithValue("featured_at", batch.Featured.Select(f => Utc(f.FeaturedAt)).ToArray());
            cmd.Parameters.Add(new NpgsqlParameter("submitted_by", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Featured.Select(f => f.SubmittedBy).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter("submitted_by_name", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Featured.Select(f => f.SubmittedByName).ToArray() });
            AddHfDetails(cmd, batch.Featured);
            featured = await cmd.ExecuteNonQueryAsync(ct);
        }
        var counts = new ImportCounts(inserted, updated, batch.Papers.Count - inserted - updated, batch.Rejected, featured);
        if (runId is { } run)
        {
            await using var cmd = new NpgsqlCommand(PaperUpsertSql.AdvanceRun, _conn, tx);
            cmd.Parameters.Add(new NpgsqlParameter("cursor", NpgsqlDbType.Text) { Value = (object?)batch.Cursor ?? DBNull.Value });
            cmd.Parameters.AddWithValue("new", counts.New);
            cmd.Parameters.AddWithValue("updated", counts.Updated);
            cmd.Parameters.AddWithValue("unchanged", counts.Unchanged);
            cmd.Parameters.AddWithValue("rejected", counts.Rejected);
            cmd.Parameters.AddWithValue("run", run);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return counts;
    }

    /// <summary>Whether the rest of this import writes without the keyword index (see the class summary).</summary>
    async Task<bool> DeferIndexAsync(NpgsqlTransaction tx, CancellationToken ct)
    {
        if (_storedBefore is null)
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM papers", _conn, tx);
            _storedBefore = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        long incoming;
        await using (var cmd = new NpgsqlCommand(CountNew, _conn, tx)) incoming = (long)(await cmd.ExecuteScalarAsync(ct))!;
        if (!PostgresKeywordBulkLoad.ShouldDefer(_storedBefore.Value, _added + incoming)) return false;
        return await PostgresKeywordBulkLoad.DeferAsync(_conn, tx, ct);
    }

    /// <summary>Builds the keyword index when this import (or an earlier one, killed) left it out; nothing is left waiting.</summary>
    public override async Task<long> FinishAsync(CancellationToken ct)
    {
        await PostgresKeywordBulkLoad.RestoreAsync(_conn, ct);
        return 0;
    }

    async Task CopyAsync(IReadOnlyList<PaperRecord> papers, string[] keywords, CancellationToken ct)
    {
        await using var copy = await _conn.BeginBinaryImportAsync($"COPY incoming_papers ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        for (var n = 0; n < papers.Count; n++)
        {
            var r = papers[n];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.Version, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.IsArxivMetadata, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(r.Title, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Abstract, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(Json(r.Authors), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(Json(r.Categories), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(Utc(r.PublishedAt), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(Utc(r.UpdatedAt), NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(copy, r.Comment, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.JournalRef, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.Doi, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.ProjectPage, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.GithubRepo, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.GithubStars, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(copy, r.AiSummary, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.AiKeywords is null ? null : Json(r.AiKeywords), NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.Thumbnail, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.Organization, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.ImportedUpvotes, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(copy, r.ImportedComments, NpgsqlDbType.Integer, ct);
            if (r.ImportedListDay is { } day) await copy.WriteAsync(day, NpgsqlDbType.Date, ct);
            else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(keywords[n], NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>The arrays of what HF says about each entry (<see cref="HfDaily.HfEntryDetails"/>), null where a source does not say.</summary>
    static void AddHfDetails(NpgsqlCommand cmd, IReadOnlyList<FeaturedRecord> featured)
    {
        void Add<T>(string name, NpgsqlDbType type, Func<HfDaily.HfEntryDetails?, T> value) =>
            cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = featured.Select(f => value(f.Hf)).ToArray() });
        Add("published_at", NpgsqlDbType.TimestampTz, hf => hf?.PublishedAt is { } t ? Utc(t) : (DateTime?)null);
        Add("hf_position", NpgsqlDbType.Integer, hf => hf?.Position);
        Add("discussion_id", NpgsqlDbType.Text, hf => hf?.DiscussionId);
        Add("media_urls", NpgsqlDbType.Text, hf => Json(hf?.MediaUrls ?? []));
        Add("github_repo_added_by", NpgsqlDbType.Text, hf => hf?.GithubRepoAddedBy);
        Add("ai_summary_model", NpgsqlDbType.Text, hf => hf?.AiSummaryModel);
        Add("is_author_participating", NpgsqlDbType.Boolean, hf => hf?.IsAuthorParticipating ?? false);
        Add("organization_name", NpgsqlDbType.Text, hf => hf?.OrganizationName);
        Add("organization_avatar", NpgsqlDbType.Text, hf => hf?.OrganizationAvatar);
    }

    static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    static Task WriteNullableAsync(NpgsqlBinaryImporter copy, int? value, NpgsqlDbType type, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    public override ValueTask DisposeAsync() => _conn.DisposeAsync();
}
