using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Search;
using Paperboy.Search.Meaning;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Search.Meaning;

/// <summary>Search by meaning with the real model on one real HF day (17 papers), on both engines.</summary>
public abstract class MeaningSearchTests(Engine engine)
{
    static async Task<PaperboyFactory> StartWithVectorsAsync(Engine engine)
    {
        var app = await PaperboyFactory.StartAsync(engine);
        await RealPapers.InsertAsync(app, RealPapers.FromDays("2026-08-21"));
        var backfill = app.Services.GetRequiredService<EmbeddingBackfill>();
        Assert.Equal(17, await backfill.RunBatchAsync(100, CancellationToken.None));
        Assert.Equal(0, await backfill.RunBatchAsync(100, CancellationToken.None));
        return app;
    }

    static async Task<IReadOnlyList<string>> RankAsync(PaperboyFactory app, string text, SearchMode mode)
    {
        var q = SearchQueryParser.Parse(text).Query!;
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaperSearch>().RankAsync(new SearchRequest(q, SearchFilters.From(q), Mode: mode), CancellationToken.None);
    }

    [Fact]
    public async Task AQueryInOtherWordsFindsThePaperByMeaningAndFiltersStillApply()
    {
        await using var app = await StartWithVectorsAsync(engine);
        const string asr = "2608.19936"; // Towards Quantifying Benchmark Optimization in ASR Models
        Assert.DoesNotContain(asr, await RankAsync(app, "transcribing spoken words", SearchMode.Keyword));
        Assert.Equal(asr, (await RankAsync(app, "transcribing spoken words", SearchMode.Hybrid))[0]);
        Assert.DoesNotContain(asr, await RankAsync(app, "transcribing spoken words -benchmark", SearchMode.Hybrid));
        Assert.DoesNotContain(asr, await RankAsync(app, "transcribing spoken words \"coding agents\"", SearchMode.Hybrid));
    }

    [Fact]
    public async Task ModeAsksForOneSideOnTheApiAndThePage()
    {
        await using var app = await StartWithVectorsAsync(engine);
        const string asr = "2608.19936";
        var client = app.CreateClient();
        async Task<List<string?>> ApiAsync(string mode) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/papers/search?q=transcribing+spoken+words&mode={mode}"))
            .EnumerateArray().Select(e => e.GetProperty("paper").GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(asr, await ApiAsync("keyword"));
        Assert.Equal(asr, (await ApiAsync("meaning"))[0]);
        Assert.Equal(asr, (await ApiAsync("hybrid"))[0]);

        var page = await client.GetStringAsync("/search?q=transcribing+spoken+words&mode=meaning");
        Assert.Contains("<option value=\"meaning\" selected>meaning only</option>", page);
        Assert.Contains($"href=\"/papers/{asr}\"", page);
    }

    [Fact]
    public async Task RelatedPapersAreTheNearestOthersByMeaning()
    {
        await using var app = await StartWithVectorsAsync(engine);
        var client = app.CreateClient();
        var related = await client.GetFromJsonAsync<JsonElement>("/api/papers/2608.19880/related?limit=5");
        var ids = related.EnumerateArray().Select(e => e.GetProperty("paper").GetProperty("id").GetString()).ToList();
        Assert.Equal(5, ids.Count);
        Assert.DoesNotContain("2608.19880", ids);
        // EnvHarness (environments for LLM agents) sits nearest to the other agent papers of its day.
        Assert.Contains(ids.Take(3), id => id is "2608.18580" or "2608.19799" or "2608.18027" or "2608.13120");

        var page = await client.GetStringAsync("/papers/2608.19880");
        Assert.Contains("<h2 id=\"related-heading\">Related papers</h2>", page);
        Assert.Contains($"<a href=\"/papers/{ids[0]}\">", page);

        var unknown = await client.GetAsync("/api/papers/2608.99999/related");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("There is no paper 2608.99999 here.", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task VectorsSurviveARestartAndAnEditedPaperIsEmbeddedAgain()
    {
        await using var app = await StartWithVectorsAsync(engine);
        var store = app.Services.GetRequiredService<EmbeddingBackfill>();
        Assert.Equal((17L, 17L), await store.CountAsync(CancellationToken.None));
        var fresh = new VectorIndex();
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(17, await scope.ServiceProvider.GetRequiredService<EmbeddingStore>().LoadAllAsync("arctic-xs", (id, v) => fresh.Upsert(id, v), CancellationToken.None));
        Assert.Equal(17, fresh.Count);

        await app.WithDbAsync(async db =>
        {
            var paper = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsTracking(db.Set<Paper>()), p => p.Id == "2608.19936");
            paper.Abstract = "We transcribe speech.";
            await db.SaveChangesAsync();
        });
        Assert.Equal((17L, 16L), await store.CountAsync(CancellationToken.None));
        Assert.Equal(1, await store.RunBatchAsync(100, CancellationToken.None));
    }

    static async Task AddPapersPublishedAsync(PaperboyFactory app, params (string Id, int Year)[] papers) => await app.WithDbAsync(async db =>
    {
        foreach (var (id, year) in papers)
        {
            var paper = TestPapers.Paper(id, $"A paper of {year}");
            paper.PublishedAt = paper.UpdatedAt = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            db.Add(paper);
        }
        await db.SaveChangesAsync();
    });

    static async Task<List<string>> EmbeddedAsync(PaperboyFactory app) => await app.WithDbAsync(db =>
        db.Database.SqlQueryRaw<string>("SELECT paper_id AS \"Value\" FROM paper_embeddings").ToListAsync());

    [Fact]
    public async Task TheBackfillEmbedsTheNewestPapersFirst()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPapersPublishedAsync(app, ("2001.00001", 2026), ("2101.00002", 2020), ("1901.00003", 2024));
        var backfill = app.Services.GetRequiredService<EmbeddingBackfill>();

        Assert.Equal(2, await backfill.RunBatchAsync(2, CancellationToken.None));

        Assert.Equal(["1901.00003", "2001.00001"], (await EmbeddedAsync(app)).Order().ToArray());
    }

    [Fact]
    public async Task TheBacklogGoesOnBelowWhereItsLastBatchStoppedEvenAmongPapersOfOneDay()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPapersPublishedAsync(app, ("2401.00001", 2024), ("2401.00002", 2024), ("2401.00003", 2024), ("2301.00004", 2023));
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<EmbeddingStore>();

        var first = await store.ListMissingAsync("arctic-xs", 2, CancellationToken.None);
        var rest = await store.ListMissingAsync("arctic-xs", 10, CancellationToken.None, after: (first[^1].At, first[^1].Id));

        Assert.Equal(["2401.00003", "2401.00002", "2401.00001", "2301.00004"], first.Concat(rest).Select(p => p.Id).ToArray());
    }
}

public sealed class SqliteMeaningSearchTests() : MeaningSearchTests(Engine.Sqlite);
public sealed class PostgresMeaningSearchTests() : MeaningSearchTests(Engine.Postgres);
