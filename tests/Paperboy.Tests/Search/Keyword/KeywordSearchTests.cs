using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Search;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Search.Keyword;

/// <summary>Keyword search on each engine's own index (SQLite FTS5, PostgreSQL tsvector + RUM), one test body for both.</summary>
public abstract class KeywordSearchTests(Engine engine)
{
    static async Task<IReadOnlyList<string>> SearchAsync(PaperboyFactory app, string text, SearchFilters? filters = null)
    {
        var (q, error) = SearchQueryParser.Parse(text);
        Assert.True(q is not null, error);
        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<PaperSearch>();
        return await search.RankAsync(new SearchRequest(q, filters ?? SearchFilters.From(q), Mode: SearchMode.Keyword), CancellationToken.None);
    }

    [Fact]
    public async Task EveryPapersOwnTitleFindsItFirst()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var papers = RealPapers.FromDays("2026-08-21", "2026-08-20");
        await RealPapers.InsertAsync(app, papers);
        foreach (var paper in papers)
        {
            var ids = await SearchAsync(app, paper.Title);
            Assert.True(ids.Count > 0 && ids[0] == paper.Id, $"'{paper.Title}' found {string.Join(", ", ids.Take(3))} first, not {paper.Id}");
        }
    }

    [Fact]
    public async Task UnderThousandsOfNewerMatchesEveryOwnTitleStillFindsItsPaperFirstAndADateFilterStillFindsAnOldPaper()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        // Older papers first (lower rowids on SQLite, where only the newest matches of a common word get scored), among them
        // titles longer than a short query; then every paper HF listed from April to December 2025 (3,148, nearly all about models).
        var old = RealPapers.FromDays("2025-03-03", "2025-03-04", "2025-03-05");
        var ancient = Make("1901.00001", "An early statistical model", "A model of word counts.", ["Ada Lovelace"], ["cs.CL"], new(2019, 1, 2), 0);
        await RealPapers.InsertAsync(app, [ancient, .. old]);
        var seen = old.Select(p => p.Id).ToHashSet();
        var newer = RealPapers.FromDays(RealPapers.Days(new DateOnly(2025, 4, 1), new DateOnly(2025, 12, 31))).Where(p => seen.Add(p.Id)).ToList();
        Assert.True(newer.Count > 3000, $"{newer.Count} newer papers");
        await RealPapers.InsertAsync(app, newer);

        Assert.Contains(old, p => SearchQueryParser.Parse(p.Title).Query!.IsLong);
        foreach (var paper in old)
        {
            var ids = await SearchAsync(app, paper.Title);
            Assert.True(ids.Count > 0 && ids[0] == paper.Id, $"'{paper.Title}' found {string.Join(", ", ids.Take(3))} first, not {paper.Id}");
        }
        Assert.Equal(["1901.00001"], await SearchAsync(app, "model until:2019-12-31"));
        Assert.Equal("1901.00001", (await SearchAsync(app, "model author:lovelace"))[0]);
    }

    /// <summary>220 real papers of June 2025, inserted one at a time in date order (rowids on SQLite), the statistics refreshed.</summary>
    static async Task<List<Paper>> JuneAsync(PaperboyFactory app, Engine engine)
    {
        var papers = RealPapers.FromDays(RealPapers.Days(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 13))).DistinctBy(p => p.Id).OrderBy(p => p.PublishedAt).ToList();
        for (var i = 0; i < papers.Count; i++) papers[i].PublishedAt = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i); // arrival order = date order
        foreach (var paper in papers) await RealPapers.InsertAsync(app, [paper]);
        if (engine == Engine.Postgres) await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE papers")); // what autovacuum does
        return papers;
    }

    [Fact]
    public async Task WordsInManyPapersOnlyFilterSoTheNewestTitlesWithThemComeFirstAndARarerWordRanks()
    {
        // "Common" lowered from 60,000 papers to 40, so that 220 real papers of June 2025 show what a million do.
        await using var app = await PaperboyFactory.StartAsync(engine, new Dictionary<string, string?> { ["Paperboy:Search:Keyword:CommonTermPapers"] = "40" });
        var papers = await JuneAsync(app, engine);

        var ids = await SearchAsync(app, "model");
        var byId = papers.ToDictionary(p => p.Id);
        var titled = ids.TakeWhile(id => TitleSays(byId[id], "model")).ToList();
        var titledPapers = papers.Count(p => TitleSays(p, "model"));
        Assert.True(titledPapers > 30, $"{titledPapers} titles say model");
        Assert.Equal(Math.Min(titledPapers, ids.Count), titled.Count); // every paper titled with the word, before any other
        Assert.Equal(titled.OrderByDescending(id => byId[id].PublishedAt), titled); // newest first
        Assert.Equal(100, ids.Count);

        // "unlearning" is in few papers: it ranks (its paper's title says it), "model" only filters.
        var unlearning = await SearchAsync(app, "unlearning model");
        Assert.Equal("LLM Unlearning Should Be Form-Independent", byId[unlearning[0]].Title);
        Assert.All(unlearning, id => Assert.Contains("unlearn", (byId[id].Title + byId[id].Abstract).ToLowerInvariant()));
    }

    [Fact]
    public async Task WhenVeryManyPapersHaveTheCommonWordsTheTitlesComeFirstAtLeastAmongTheNewestMatches()
    {
        // PostgreSQL looks for title matches among the newest matches only above TitleTierPapers papers (lowered from
        // 20,000 to 10 here); SQLite always looks among all. Both: titled first, newest first, then the newest others.
        await using var app = await PaperboyFactory.StartAsync(engine, new Dictionary<string, string?>
        {
            ["Paperboy:Search:Keyword:CommonTermPapers"] = "40", ["Paperboy:Search:Keyword:TitleTierPapers"] = "10",
        });
        var papers = await JuneAsync(app, engine);
        var byId = papers.ToDictionary(p => p.Id);

        var ids = await SearchAsync(app, "model");
        Assert.Equal(100, ids.Count);
        var titled = ids.TakeWhile(id => TitleSays(byId[id], "model")).ToList();
        var rest = ids.Skip(titled.Count).ToList();
        Assert.Equal(titled.OrderByDescending(id => byId[id].PublishedAt), titled);
        Assert.Equal(rest.OrderByDescending(id => byId[id].PublishedAt), rest);
        Assert.DoesNotContain(rest, id => TitleSays(byId[id], "model"));
        var newest = papers.Where(p => Says(p.Title + " " + p.Abstract, "model"))
            .OrderByDescending(p => p.PublishedAt).Take(100).ToList();
        Assert.Subset(titled.ToHashSet(), newest.Where(p => TitleSays(p, "model")).Select(p => p.Id).ToHashSet());
        if (engine == Engine.Postgres) Assert.Equal(newest.Select(p => p.Id).Order(), ids.Order()); // the window itself
    }

    [Fact]
    public async Task AHyphenatedWordFindsThePapersThatSayIt()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await RealPapers.InsertAsync(app, [
            Make("2601.00011", "Low-resource languages in the wild", "Translation for low-resource languages.", ["Ada Lovelace"], ["cs.CL"], new(2026, 1, 10), 0),
            Make("2601.00012", "Resource allocation at low latency", "Scheduling languages for resource use.", ["Alan Turing"], ["cs.DC"], new(2026, 1, 11), 0),
            Make("2601.00013", "Speech for resource-poor and low-resource settings", "Acoustic models.", ["Grace Hopper"], ["cs.SD"], new(2026, 1, 12), 0),
        ]);
        Assert.Equal(["2601.00011", "2601.00013"], (await SearchAsync(app, "low-resource")).Order());
        // Plain words: the paper with both first, then those with either.
        Assert.Equal(["2601.00011", "2601.00013", "2601.00012"], await SearchAsync(app, "low-resource languages"));
        Assert.Equal(["2601.00011"], await SearchAsync(app, "low-resource languages cat:cs.CL"));
        Assert.Equal(["2601.00013"], await SearchAsync(app, "low-resource -languages"));
        Assert.Empty(await SearchAsync(app, "resource-low"));
    }

    [Fact]
    public async Task AQuestionFindsThePaperThatAnswersItThoughThePaperLacksSomeOfItsWords()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await RealPapers.InsertAsync(app, [
            Make("2601.00021", "Speech recognition for regional dialects", "We transcribe dialect speech from few labelled hours.", ["Ada Lovelace"], ["cs.CL"], new(2026, 1, 10), 0),
            Make("2601.00022", "Image recognition at scale", "We classify images.", ["Alan Turing"], ["cs.CV"], new(2026, 1, 11), 0),
            Make("2601.00023", "Dialects in social media text", "We study written dialects.", ["Grace Hopper"], ["cs.CL"], new(2026, 1, 12), 0),
        ]);
        // No paper has "little" or "data": every word required, this finds nothing.
        var found = await SearchAsync(app, "how well does speech recognition work for dialects with little labelled data");
        Assert.Equal("2601.00021", found[0]);
        Assert.Equal(["2601.00022", "2601.00023"], found.Skip(1).Order());
        // With the syntax, every word is required again.
        Assert.Empty(await SearchAsync(app, "speech recognition dialects little cat:cs.CL"));
    }

    static bool TitleSays(Paper p, string word) => Says(p.Title, word);

    static bool Says(string text, string word) => Regex.IsMatch(text, $@"\b{word}(s|ing|ling|ed|led)?\b", RegexOptions.IgnoreCase);

    [Fact]
    public async Task APastedAbstractFindsItsPaperFirstAndAOneWordQueryFindsEveryPaperWithTheWord()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var papers = RealPapers.FromDays("2026-08-21");
        await RealPapers.InsertAsync(app, papers);
        var target = papers[3];
        Assert.Equal(target.Id, (await SearchAsync(app, target.Abstract[..Math.Min(target.Abstract.Length, 1500)]))[0]);

        var withAgent = papers.Where(p => (p.Title + " " + p.Abstract).Contains("agent", StringComparison.OrdinalIgnoreCase)).Select(p => p.Id).ToHashSet();
        var found = await SearchAsync(app, "agents");
        Assert.Subset(withAgent, found.ToHashSet());
        Assert.True(withAgent.Count >= 3, "the day has several papers about agents");
    }

    [Fact]
    public async Task PhrasesAuthorsCategoriesExclusionsDatesAndVotesNarrowTheResults()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await RealPapers.InsertAsync(app, [
            Make("2601.00001", "Sparse attention for long documents", "We study sparse attention.", ["Ada Lovelace"], ["cs.CL"], new(2026, 1, 10), 5),
            Make("2601.00002", "Attention sparse in vision", "Sparse patterns of attention in images, diffusion.", ["Alan Turing"], ["cs.CV"], new(2025, 6, 1), 50),
            Make("2601.00003", "Sparse attention revisited", "Sparse attention with diffusion models.", ["Grace Hopper", "Ada Lovelace"], ["cs.LG", "cs.CL"], new(2026, 3, 1), 0),
        ]);
        Assert.Equal(["2601.00001", "2601.00003"], (await SearchAsync(app, "\"sparse attention\"")).Order());
        Assert.Equal(["2601.00001", "2601.00003"], (await SearchAsync(app, "sparse author:lovelace")).Order());
        Assert.Equal(["2601.00003"], await SearchAsync(app, "sparse author:\"grace hopper\""));
        Assert.Equal(["2601.00001", "2601.00003"], (await SearchAsync(app, "attention cat:cs.cl")).Order());
        Assert.Equal(["2601.00001"], await SearchAsync(app, "attention -diffusion"));
        Assert.Equal(["2601.00002"], await SearchAsync(app, "attention -\"sparse attention\""));
        Assert.Equal(["2601.00001", "2601.00003"], (await SearchAsync(app, "attention since:2026-01-01")).Order());
        Assert.Equal(["2601.00001"], await SearchAsync(app, "attention since:2026-01-01 until:2026-01-31"));
        var q = SearchQueryParser.Parse("attention").Query!;
        Assert.Equal(["2601.00002"], await SearchAsync(app, "attention", SearchFilters.From(q, minVotes: 10)));
    }

    [Fact]
    public async Task OperatorsAndSqlTypedByAUserAreSearchedAsWords()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await RealPapers.InsertAsync(app, [Make("2601.00001", "Near duplicate detection", "Tables of papers are dropped.", ["A B"], ["cs.DB"], new(2026, 1, 1), 0)]);
        Assert.Equal(["2601.00001"], await SearchAsync(app, "NEAR duplicate*"));
        Assert.Equal(["2601.00001"], await SearchAsync(app, "^duplicate AND (detection OR"));
        Assert.Equal(["2601.00001"], await SearchAsync(app, "'; DROP TABLE papers; --"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Paper>().CountAsync()));
        Assert.Equal(["2601.00001"], await SearchAsync(app, "of are \"duplicate detection\""));
        Assert.Empty(await SearchAsync(app, "the of"));
        Assert.Empty(await SearchAsync(app, "\"the\" author:\"of\""));
    }

    [Fact]
    public async Task AnEditedOrHiddenPaperIsFoundByWhatItNowSays()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await RealPapers.InsertAsync(app, [
            Make("2601.00001", "Old title about cats", "Nothing here.", ["A B"], ["cs.AI"], new(2026, 1, 1), 0),
            Make("2601.00002", "Hidden cats", "Cats.", ["A B"], ["cs.AI"], new(2026, 1, 1), 0),
        ]);
        await app.WithDbAsync(async db =>
        {
            var paper = await db.Set<Paper>().AsTracking().SingleAsync(p => p.Id == "2601.00001");
            paper.Title = "New title about dogs";
            var hidden = await db.Set<Paper>().AsTracking().SingleAsync(p => p.Id == "2601.00002");
            hidden.Hidden = true;
            await db.SaveChangesAsync();
        });
        Assert.Empty(await SearchAsync(app, "cats"));
        Assert.Equal(["2601.00001"], await SearchAsync(app, "dogs"));
    }

    [Fact]
    public async Task PapersAreFoundAsSoonAsAnImportStoresThemAndAReimportChangesNothing()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var importer = app.Services.GetRequiredService<Paperboy.Ingest.Arxiv.SnapshotImporter>();
        var snapshot = SharedData.PathOf("arxiv-snapshot", "snapshot-head200.jsonl");
        await importer.ImportAsync(snapshot, null, CancellationToken.None);
        Assert.Equal("0704.0002", (await SearchAsync(app, "Sparsity-certifying Graph Decompositions"))[0]);
        Assert.Equal("0704.0003", (await SearchAsync(app, "evolution of the Earth-Moon system"))[0]);
        await importer.ImportAsync(snapshot, null, CancellationToken.None);
        Assert.Equal(["0704.0002"], await SearchAsync(app, "\"sparsity-certifying graph decompositions\""));
    }

    static Paper Make(string id, string title, string @abstract, List<string> authors, List<string> categories, DateOnly published, int votes) => new()
    {
        Id = id, Title = title, Abstract = @abstract, Authors = authors, Categories = categories, ImportedUpvotes = votes,
        PublishedAt = published.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), UpdatedAt = published.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
        CreatedAt = DateTime.UtcNow,
    };
}

public sealed class SqliteKeywordSearchTests() : KeywordSearchTests(Engine.Sqlite);
public sealed class PostgresKeywordSearchTests() : KeywordSearchTests(Engine.Postgres);
