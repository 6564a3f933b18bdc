using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest.HfDaily;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Papers.Lists;

/// <summary>The lists fed by the real HF importer, end to end.</summary>
public abstract class ImportedListTests(Engine engine)
{
    [Fact]
    public async Task AnImportInTheServerShowsOnTheCachedDayPageAtOnce()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var client = app.CreateClient();
        var (_, before) = await Html.GetAsync(client, "/papers/date/2026-08-21");

        await ImportAsync(app, "2026-08-21");
        var (_, after) = await Html.GetAsync(client, "/papers/date/2026-08-21");

        Assert.Empty(before.QuerySelectorAll("article.paper-entry"));
        Assert.Equal(17, after.QuerySelectorAll("article.paper-entry").Length);
        Assert.Equal("EnvHarness: Awakening Static Worlds for Agent Learning", after.QuerySelector("article.paper-entry .entry-title").Text());
        Assert.StartsWith("Papers last imported ", after.QuerySelector(".import-latest").Text());
    }

    [Fact]
    public async Task TheApiAnswersAnImportedDayWithHfsOwnValues()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportAsync(app, "2026-08-21");
        var recorded = JsonDocument.Parse(await File.ReadAllBytesAsync(SharedData.PathOf("hf-daily-papers", "2026-08-21.json"))).RootElement
            .EnumerateArray().ToDictionary(e => e.GetProperty("paper").GetProperty("id").GetString()!);

        var response = await app.CreateClient().GetAsync("/api/daily_papers?date=2026-08-21&limit=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal(recorded.Count, answer.Count);
        foreach (var got in answer)
        {
            var want = recorded[got.GetProperty("paper").GetProperty("id").GetString()!];
            Assert.Equal(want.GetProperty("numComments").GetInt32(), got.GetProperty("numComments").GetInt32());
            var (wp, gp) = (want.GetProperty("paper"), got.GetProperty("paper"));
            foreach (var field in new[] { "upvotes", "submittedOnDailyAt", "githubRepo", "githubStars", "projectPage" })
                Assert.Equal(wp.TryGetProperty(field, out var w) ? w.ToString() : null, gp.TryGetProperty(field, out var g) ? g.ToString() : null);
            Assert.Equal(wp.GetProperty("authors").GetArrayLength(), gp.GetProperty("authors").GetArrayLength());
        }
    }

    static async Task ImportAsync(PaperboyFactory app, string day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<HfDailyImporter>()
            .ImportFilesAsync([SharedData.PathOf("hf-daily-papers", $"{day}.json")], null, CancellationToken.None);
        Assert.Null(summary.Error);
    }
}

public sealed class SqliteImportedListTests() : ImportedListTests(Engine.Sqlite);
public sealed class PostgresImportedListTests() : ImportedListTests(Engine.Postgres);
