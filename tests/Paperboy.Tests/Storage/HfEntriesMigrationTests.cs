using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Storage;

/// <summary>Migration 0010 (HF's entry fields on featured rows) over a database that already holds papers and lists.</summary>
public abstract class HfEntriesMigrationTests(Engine engine)
{
    static readonly string[] Added =
        ["published_at", "hf_position", "discussion_id", "media_urls", "github_repo_added_by", "ai_summary_model", "is_author_participating",
         "organization_name", "organization_avatar"];

    [Fact]
    public async Task AFeaturedPaperStoredBefore0010IsListedAsBeforeWithHfsDefaults()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await RollBack0010Async(app);
        await ExecAsync(app,
            "INSERT INTO papers (id, version, title, abstract, authors, categories, published_at, updated_at, ai_keywords, imported_upvotes, " +
            "local_upvotes, comment_count, imported_comments, hidden, created_at) VALUES ('2608.00001', 1, 'Kept', 'An abstract.', '[\"Ada Lovelace\"]', " +
            "'[\"cs.LG\"]', " + $"{Time("2026-08-20 17:00:00")}, {Time("2026-08-20 17:00:00")}, '[]', 4, 1, 0, 2, {(engine == Engine.Postgres ? "false" : "0")}, {Time("2026-08-21 06:00:00")})",
            "INSERT INTO featured_papers (paper_id, day, featured_at, source, submitted_by, submitted_by_name) " +
            $"VALUES ('2608.00001', '2026-08-21', {Time("2026-08-21 06:00:00")}, 0, 'taesiri', 'Taesiri')");

        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        app.Services.GetRequiredService<DataVersion>().Bump();
        var response = await app.CreateClient().GetAsync("/api/daily_papers?date=2026-08-21");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList());
        Assert.Equal("Kept", entry.GetProperty("paper").GetProperty("title").GetString());
        Assert.Equal(5, entry.GetProperty("paper").GetProperty("upvotes").GetInt32());
        Assert.Equal("2026-08-20T17:00:00.000Z", entry.GetProperty("publishedAt").GetString());
        Assert.Equal("taesiri", entry.GetProperty("submittedBy").GetProperty("name").GetString());
        Assert.Equal(2, entry.GetProperty("numComments").GetInt32());
        Assert.False(entry.GetProperty("isAuthorParticipating").GetBoolean());
        Assert.False(entry.TryGetProperty("mediaUrls", out _));
    }

    /// <summary>A UTC time as each engine stores it (EF's text on SQLite).</summary>
    string Time(string utc) => engine == Engine.Postgres ? $"'{utc}+00'" : $"'{utc}'";

    /// <summary>
    /// Puts the database back where it was before 0010: its columns gone, the migration not recorded; 0014's index on one of
    /// them goes first (SQLite refuses to drop a column an index uses) and is made again by the migration.
    /// </summary>
    static Task RollBack0010Async(PaperboyFactory app) =>
        ExecAsync(app, ["DROP INDEX ix_featured_papers_organization", "DELETE FROM schema_migrations WHERE version = '0014_org_index'",
            .. Added.Select(c => $"ALTER TABLE featured_papers DROP COLUMN {c}"), "DELETE FROM schema_migrations WHERE version = '0010_hf_entries'"]);

    static async Task ExecAsync(PaperboyFactory app, params string[] statements)
    {
        await app.WithDbAsync(async db =>
        {
            var conn = await db.OpenConnectionAsync(default);
            foreach (var sql in statements)
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = sql;
                await cmd.ExecuteNonQueryAsync();
            }
        });
    }
}

public sealed class SqliteHfEntriesMigrationTests() : HfEntriesMigrationTests(Engine.Sqlite);
public sealed class PostgresHfEntriesMigrationTests() : HfEntriesMigrationTests(Engine.Postgres);
