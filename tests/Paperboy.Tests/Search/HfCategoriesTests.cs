using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Ingest.HfDaily;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Search;

/// <summary>
/// HF's daily list carries no arXiv categories: a paper gets them when arXiv's metadata for it is imported too, keeps
/// them when HF's day is imported again, and until then the search page says that <c>cat:</c> cannot find it.
/// </summary>
public abstract class HfCategoriesTests(Engine engine)
{
    /// <summary>CapArena (2503.12329, cs.CV cs.CL) is on HF's list of 2025-03-19 and in the 75k arXiv snapshot.</summary>
    const string Id = "2503.12329";
    static readonly string HfDay = SharedData.PathOf("hf-daily-papers", "2025-03-19.json");

    [Fact]
    public async Task ArxivsCategoriesOfAnHfPaperSurviveHfsReimportAndCatFindsIt()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var temp = new TempFolder();
        await ImportHfAsync(app);
        await ImportSnapshotLineAsync(app, temp);

        await ImportHfAsync(app);
        var ids = await SearchIdsAsync(app, "CapArena cat:cs.CL");

        Assert.Equal([Id], ids);
    }

    [Fact]
    public async Task AnHfPaperWithoutArxivsMetadataIsNotFoundByCat()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportHfAsync(app);

        Assert.Equal([Id], await SearchIdsAsync(app, "CapArena"));
        Assert.Empty(await SearchIdsAsync(app, "CapArena cat:cs.CL"));
    }

    [Fact]
    public async Task TheSearchPageSaysHowManyPapersACategoryFilterCannotFind()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var temp = new TempFolder();
        await ImportHfAsync(app);
        await ImportSnapshotLineAsync(app, temp);
        var uncategorized = JsonDocument.Parse(await File.ReadAllBytesAsync(HfDay)).RootElement.GetArrayLength() - 1;

        var (response, page) = await Html.GetAsync(app.CreateClient(), "/search?q=CapArena+cat%3Acs.CL&mode=keyword");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $"cat:cs.CL only finds papers with arXiv categories: {uncategorized} papers imported from Hugging Face alone have none yet, so they are left out.",
            Assert.Single(page.QuerySelectorAll("p.notice")).Text());
    }

    [Fact]
    public async Task TheSearchPageSaysNothingOfCategoriesWithoutACategoryFilter()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportHfAsync(app);

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/search?q=CapArena&mode=keyword");

        Assert.Empty(page.QuerySelectorAll("p.notice"));
    }

    static async Task ImportHfAsync(PaperboyFactory app)
    {
        var summary = await app.Services.GetRequiredService<HfDailyImporter>().ImportFilesAsync([HfDay], null, CancellationToken.None);
        Assert.Null(summary.Error);
    }

    /// <summary>The paper's own line of the real snapshot, imported by the snapshot importer.</summary>
    static async Task ImportSnapshotLineAsync(PaperboyFactory app, TempFolder temp)
    {
        await using (var gz = new GZipStream(File.OpenRead(SharedData.PathOf("arxiv-snapshot", "arxiv-metadata-75k.jsonl.gz")), CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (!line.Contains($"\"id\": \"{Id}\"") && !line.Contains($"\"id\":\"{Id}\"")) continue;
                await File.WriteAllTextAsync(temp.File("one.jsonl"), line + "\n");
                break;
            }
        }
        var summary = await new SnapshotImporter(app.Services.GetRequiredService<ImportRunner>()).ImportAsync(temp.File("one.jsonl"), null, default);
        Assert.Equal(new ImportCounts(0, 1, 0, 0), summary.Counts);
    }

    static async Task<List<string>> SearchIdsAsync(PaperboyFactory app, string q)
    {
        var response = await app.CreateClient().GetAsync($"/api/papers/search?mode=keyword&q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(e => e.GetProperty("paper").GetProperty("id").GetString()!).ToList();
    }
}

public sealed class SqliteHfCategoriesTests() : HfCategoriesTests(Engine.Sqlite);
public sealed class PostgresHfCategoriesTests() : HfCategoriesTests(Engine.Postgres);
