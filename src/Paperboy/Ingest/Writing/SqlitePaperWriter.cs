using System.Globalization;
using Microsoft.Data.Sqlite;
using Paperboy.Search.Keyword;
using Paperboy.Storage;

namespace Paperboy.Ingest.Writing;

/// <summary>
/// SQLite: one connection, the paper statements prepared once and bound by position (<see cref="SqliteRawStatement"/>),
/// one transaction per batch. A row is tried as an insert first (the common case of a back-fill); only when it exists
/// is the update tried, and its WHERE clause makes an unchanged row cost no write. The keyword index follows by the
/// triggers of migrations 0005/0006, so what an hourly import brings is searchable the moment it is committed; a bulk
/// batch (<see cref="ImportBatch.IndexLater"/>) queues its new papers instead (<see cref="SqliteKeywordQueue"/>), indexed
/// at the end of the import, or when that is much, by the background indexer.
/// </summary>
sealed class SqlitePaperWriter(string connectionString) : PaperWriter
{
    /// <summary>At the end of an import, a queue this short is indexed at once rather than by the background indexer.</summary>
    const int FinishIndexMax = 10_000;

    static readonly string[] Names =
        ["id", "version", "arx", "title", "abstract", "authors", "categories", "published_at", "updated_at", "comment", "journal_ref", "doi",
         "project_page", "github_repo", "github_stars", "ai_summary", "ai_keywords", "thumbnail", "organization", "imported_upvotes", "imported_comments", "imported_list_day", "now", "keywords"];

    readonly SqliteConnection _conn = new(connectionString);
    SqliteRawStatement _insert = null!, _update = null!;
    int[] _insertAt = null!, _updateAt = null!;
    SqliteCommand _featured = null!, _run = null!;
    string _indexingTrigger = null!;

    internal override async Task OpenAsync(CancellationToken ct)
    {
        await _conn.OpenAsync(ct);
        SqlitePragmas.Apply(_conn); // what every connection gets; below, what a bulk writer adds
        await using (var pragma = _conn.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=20000;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        _indexingTrigger = SqliteKeywordQueue.IndexingTriggerSql(_conn);
        _insert = new SqliteRawStatement(_conn,
            $"INSERT INTO papers ({PaperUpsertSql.InsertColumns}) VALUES ($id, coalesce($version, 1), $title, $abstract, $authors, $categories, " +
            "$published_at, $updated_at, $comment, $journal_ref, $doi, $project_page, $github_repo, $github_stars, $ai_summary, " +
            "coalesce($ai_keywords, '[]'), $thumbnail, $organization, coalesce($imported_upvotes, 0), coalesce($imported_comments, 0), $imported_list_day, $now, $keywords) " +
            "ON CONFLICT (id) DO NOTHING");
        _update = new SqliteRawStatement(_conn,
            $"UPDATE papers SET\n  {PaperUpsertSql.SetClause("$", "")}\nWHERE id = $id AND (\n  {PaperUpsertSql.Changed("$", "IS NOT", "")})");
        _insertAt = Names.Select(n => _insert.IndexOf("$" + n)).ToArray();
        _updateAt = Names.Select(n => _update.IndexOf("$" + n)).ToArray();
        _featured = Command(
            $"INSERT INTO featured_papers ({PaperUpsertSql.FeaturedColumns}) " +
            "VALUES ($paper_id, $day, $featured_at, 0, $submitted_by, $submitted_by_name, $published_at, $hf_position, $discussion_id, " +
            "$media_urls, $github_repo_added_by, $ai_summary_model, $is_author_participating, $organization_name, $organization_avatar) " +
            PaperUpsertSql.FeaturedConflict("IS NOT"),
            ["paper_id", "day", "featured_at", "submitted_by", "submitted_by_name", "published_at", "hf_position", "discussion_id", "media_urls",
             "github_repo_added_by", "ai_summary_model", "is_author_participating", "organization_name", "organization_avatar"]);
        _run = Command(PaperUpsertSql.AdvanceRun.Replace('@', '$'), ["cursor", "new", "updated", "unchanged", "rejected", "run"]);
    }

    SqliteCommand Command(string sql, string[] names)
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in names) cmd.Parameters.Add(new SqliteParameter("$" + name, null));
        return cmd;
    }

    protected override async Task<ImportCounts> WriteCoreAsync(ImportBatch batch, string[] keywords, long? runId, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await _conn.BeginTransactionAsync(ct);
        foreach (var cmd in new[] { _featured, _run }) cmd.Transaction = tx;
        if (batch.IndexLater) SqliteKeywordQueue.QueueInserts(_conn, tx);
        int inserted = 0, updated = 0, featured = 0;
        var now = DateTime.UtcNow;
        for (var n = 0; n < batch.Papers.Count; n++)
        {
            var paper = batch.Papers[n];
            Bind(_insert, _insertAt, paper, keywords[n], now);
            if (_insert.Execute() == 1) { inserted++; continue; }
            Bind(_update, _updateAt, paper, keywords[n], now);
            if (_update.Execute() == 1) updated++;
        }
        if (batch.IndexLater) SqliteKeywordQueue.IndexInserts(_conn, tx, _indexingTrigger);
        foreach (var f in batch.Featured)
        {
            var p = _featured.Parameters;
            p[0].Value = f.PaperId;
            p[1].Value = f.Day;
            p[2].Value = Utc(f.FeaturedAt);
            p[3].Value = (object?)f.SubmittedBy ?? DBNull.Value;
            p[4].Value = (object?)f.SubmittedByName ?? DBNull.Value;
            var hf = f.Hf;
            p[5].Value = hf?.PublishedAt is { } published ? Utc(published) : DBNull.Value;
            p[6].Value = (object?)hf?.Position ?? DBNull.Value;
            p[7].Value = (object?)hf?.DiscussionId ?? DBNull.Value;
            p[8].Value = Json(hf?.MediaUrls ?? []);
            p[9].Value = (object?)hf?.GithubRepoAddedBy ?? DBNull.Value;
            p[10].Value = (object?)hf?.AiSummaryModel ?? DBNull.Value;
            p[11].Value = hf?.IsAuthorParticipating ?? false;
            p[12].Value = (object?)hf?.OrganizationName ?? DBNull.Value;
            p[13].Value = (object?)hf?.OrganizationAvatar ?? DBNull.Value;
            featured += _featured.ExecuteNonQuery();
        }
        var counts = new ImportCounts(inserted, updated, batch.Papers.Count - inserted - updated, batch.Rejected, featured);
        if (runId is { } run)
        {
            var p = _run.Parameters;
            p[0].Value = (object?)batch.Cursor ?? DBNull.Value;
            p[1].Value = counts.New; p[2].Value = counts.Updated; p[3].Value = counts.Unchanged; p[4].Value = counts.Rejected;
            p[5].Value = run;
            await _run.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return counts;
    }

    public override async Task<long> FinishAsync(CancellationToken ct)
    {
        var queued = await SqliteKeywordQueue.CountAsync(_conn, ct);
        if (queued == 0 || queued > FinishIndexMax) return queued;
        await SqliteKeywordQueue.ApplyAsync(_conn, FinishIndexMax, ct);
        return 0;
    }

    /// <summary>Binds a record to a paper statement; <paramref name="at"/> holds the position of each of <see cref="Names"/> (0: not used).</summary>
    static void Bind(SqliteRawStatement s, int[] at, PaperRecord r, string keywords, DateTime now)
    {
        s.Bind(at[0], r.Id);
        s.Bind(at[1], r.Version);
        s.Bind(at[2], r.IsArxivMetadata ? 1 : 0);
        s.Bind(at[3], r.Title);
        s.Bind(at[4], r.Abstract);
        s.Bind(at[5], Json(r.Authors));
        s.Bind(at[6], Json(r.Categories));
        s.Bind(at[7], Utc(r.PublishedAt));
        s.Bind(at[8], Utc(r.UpdatedAt));
        s.Bind(at[9], r.Comment);
        s.Bind(at[10], r.JournalRef);
        s.Bind(at[11], r.Doi);
        s.Bind(at[12], r.ProjectPage);
        s.Bind(at[13], r.GithubRepo);
        s.Bind(at[14], r.GithubStars);
        s.Bind(at[15], r.AiSummary);
        s.Bind(at[16], r.AiKeywords is null ? null : Json(r.AiKeywords));
        s.Bind(at[17], r.Thumbnail);
        s.Bind(at[18], r.Organization);
        s.Bind(at[19], r.ImportedUpvotes);
        s.Bind(at[20], r.ImportedComments);
        if (r.ImportedListDay is { } day) s.Bind(at[21], day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else s.BindNull(at[21]);
        s.Bind(at[22], now);
        s.Bind(at[23], keywords);
    }

    public override async ValueTask DisposeAsync()
    {
        _insert?.Dispose();
        _update?.Dispose();
        foreach (var cmd in new[] { _featured, _run }) cmd?.Dispose();
        await _conn.DisposeAsync();
    }
}
