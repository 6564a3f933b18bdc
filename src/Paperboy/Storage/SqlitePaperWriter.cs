using Microsoft.Data.Sqlite;
using Paperboy.Ingest;

namespace Paperboy.Storage;

/// <summary>
/// SQLite: one connection, prepared statements reused for every row, one transaction per batch.
/// A row is tried as an insert first (the common case of a back-fill); only when it exists is the update tried,
/// and its WHERE clause makes an unchanged row cost no write.
/// </summary>
sealed class SqlitePaperWriter(string connectionString) : PaperWriter
{
    static readonly string[] Names =
        ["id", "version", "arx", "title", "abstract", "authors", "categories", "published_at", "updated_at", "comment", "journal_ref", "doi",
         "project_page", "github_repo", "github_stars", "ai_summary", "ai_keywords", "thumbnail", "organization", "imported_upvotes", "imported_comments", "imported_list_day", "now"];

    readonly SqliteConnection _conn = new(connectionString);
    SqliteCommand _insert = null!, _update = null!, _featured = null!, _run = null!;

    internal override async Task OpenAsync(CancellationToken ct)
    {
        await _conn.OpenAsync(ct);
        SqlitePragmas.Apply(_conn); // what every connection gets; below, what a bulk writer adds
        await using (var pragma = _conn.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=20000;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        _insert = Command(
            $"INSERT INTO papers ({PaperUpsertSql.InsertColumns}) VALUES ($id, coalesce($version, 1), $title, $abstract, $authors, $categories, " +
            "$published_at, $updated_at, $comment, $journal_ref, $doi, $project_page, $github_repo, $github_stars, $ai_summary, " +
            "coalesce($ai_keywords, '[]'), $thumbnail, $organization, coalesce($imported_upvotes, 0), coalesce($imported_comments, 0), $imported_list_day, $now) " +
            "ON CONFLICT (id) DO NOTHING", Names);
        _update = Command(
            $"UPDATE papers SET\n  {PaperUpsertSql.SetClause("$", "")}\nWHERE id = $id AND (\n  {PaperUpsertSql.Changed("$", "IS NOT", "")})", Names);
        _featured = Command(
            "INSERT INTO featured_papers (paper_id, day, featured_at, source, submitted_by, submitted_by_name) " +
            $"VALUES ($paper_id, $day, $featured_at, 0, $submitted_by, $submitted_by_name) {PaperUpsertSql.FeaturedConflict}",
            ["paper_id", "day", "featured_at", "submitted_by", "submitted_by_name"]);
        _run = Command(PaperUpsertSql.AdvanceRun.Replace('@', '$'), ["cursor", "new", "updated", "unchanged", "rejected", "run"]);
    }

    SqliteCommand Command(string sql, string[] names)
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in names) cmd.Parameters.Add(new SqliteParameter("$" + name, null));
        return cmd;
    }

    protected override async Task<ImportCounts> WriteCoreAsync(ImportBatch batch, long? runId, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await _conn.BeginTransactionAsync(ct);
        foreach (var cmd in new[] { _insert, _update, _featured, _run }) cmd.Transaction = tx;
        int inserted = 0, updated = 0, featured = 0;
        var now = DateTime.UtcNow;
        foreach (var paper in batch.Papers)
        {
            Bind(_insert.Parameters, paper, now);
            if (_insert.ExecuteNonQuery() == 1) { inserted++; continue; }
            for (var i = 0; i < Names.Length; i++) _update.Parameters[i].Value = _insert.Parameters[i].Value;
            if (_update.ExecuteNonQuery() == 1) updated++;
        }
        foreach (var f in batch.Featured)
        {
            var p = _featured.Parameters;
            p[0].Value = f.PaperId;
            p[1].Value = f.Day;
            p[2].Value = Utc(f.FeaturedAt);
            p[3].Value = (object?)f.SubmittedBy ?? DBNull.Value;
            p[4].Value = (object?)f.SubmittedByName ?? DBNull.Value;
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

    static void Bind(SqliteParameterCollection p, PaperRecord r, DateTime now)
    {
        p[0].Value = r.Id;
        p[1].Value = OrDbNull(r.Version);
        p[2].Value = r.IsArxivMetadata ? 1 : 0;
        p[3].Value = r.Title;
        p[4].Value = r.Abstract;
        p[5].Value = Json(r.Authors);
        p[6].Value = Json(r.Categories);
        p[7].Value = Utc(r.PublishedAt);
        p[8].Value = Utc(r.UpdatedAt);
        p[9].Value = OrDbNull(r.Comment);
        p[10].Value = OrDbNull(r.JournalRef);
        p[11].Value = OrDbNull(r.Doi);
        p[12].Value = OrDbNull(r.ProjectPage);
        p[13].Value = OrDbNull(r.GithubRepo);
        p[14].Value = OrDbNull(r.GithubStars);
        p[15].Value = OrDbNull(r.AiSummary);
        p[16].Value = r.AiKeywords is null ? DBNull.Value : Json(r.AiKeywords);
        p[17].Value = OrDbNull(r.Thumbnail);
        p[18].Value = OrDbNull(r.Organization);
        p[19].Value = OrDbNull(r.ImportedUpvotes);
        p[20].Value = OrDbNull(r.ImportedComments);
        p[21].Value = OrDbNull(r.ImportedListDay);
        p[22].Value = now;
    }

    static object OrDbNull<T>(T? value) => value is null ? DBNull.Value : value;

    public override async ValueTask DisposeAsync()
    {
        foreach (var cmd in new[] { _insert, _update, _featured, _run }) cmd?.Dispose();
        await _conn.DisposeAsync();
    }
}
