using Microsoft.Extensions.DependencyInjection;
using Paperboy.Digest.Watchlists;
using Paperboy.Search;
using Paperboy.Search.Keyword;
using Paperboy.Tests.Infrastructure;
using Paperboy.Tests.Search;
using static Paperboy.Tests.Digest.DigestTestData;

namespace Paperboy.Tests.Digest.Watchlists;

/// <summary>Watch-lists are saved searches: the same parser and the same engine search as /search, over a period's new papers.</summary>
public abstract class WatchlistSearchTests(Engine engine)
{
    // Queries with words (so /search's keyword index can answer them too), over two real recorded days.
    static readonly string[] Queries =
    [
        "agents", "agent", "language models", "\"world models\"", "video -generation", "author:Wang", "author:\"Wei Wang\"",
        "reasoning cat:cs.LG", "benchmark -\"language model\"", "learning since:2026-08-21", "diffusion until:2026-08-20",
        "planning OR agents", "GPT-4", "memory -author:Wang", "zzzunmatched",
    ];

    [Fact]
    public async Task AWatchlistMatchesExactlyWhatSearchFindsAmongTheNewPapers()
    {
        await using var app = await PaperboyFactory.StartAsync(engine, Settings(null));
        var papers = RealPapers.FromDays("2026-08-20", "2026-08-21");
        for (var i = 0; i < papers.Count; i += 3) papers[i].Categories = ["cs.LG", "cs.AI"];
        await RealPapers.InsertAsync(app, papers);
        // Every other paper is "new" this period: the rest must never match, whatever they contain.
        var candidates = papers.Where((_, i) => i % 2 == 0).Select(p => p.Id).ToList();

        var matched = await app.WithDbAsync(db => app.Services.GetRequiredService<WatchlistMatcher>().MatchAsync(db, candidates, Queries, default));

        var nonEmpty = 0;
        foreach (var text in Queries)
        {
            var query = WatchlistQuery.Parse(text).Query!;
            var searched = await app.WithDbAsync(async db =>
            {
                using var scope = app.Services.CreateScope();
                var index = scope.ServiceProvider.GetRequiredService<IKeywordIndex>();
                return (await index.MatchAsync(query, SearchFilters.From(query), 1000, default)).Select(h => h.Id).ToList();
            });
            var expected = candidates.Where(searched.Contains).ToList();
            Assert.True(expected.SequenceEqual(matched[text]), $"{text}: search found [{string.Join(", ", expected)}], the watch-list [{string.Join(", ", matched[text])}]");
            if (expected.Count > 0) nonEmpty++;
        }
        Assert.True(nonEmpty >= 8, $"only {nonEmpty} queries matched anything: the table proves little");
        Assert.Equal(matched["agent"], matched["agents"]); // the engines' stemming, as in /search
        Assert.Empty(matched["zzzunmatched"]);
    }

    [Fact]
    public async Task ACategoryAloneIsAWatchlistOverTheNewPapersMinusItsExclusions()
    {
        await using var app = await PaperboyFactory.StartAsync(engine, Settings(null));
        await AddPapersAsync(app, null,
            Paper("2608.00001", "Steering Vectors", categories: ["cs.LG"]),
            Paper("2608.00002", "Diffusion Everywhere", categories: ["cs.LG"]),
            Paper("2608.00003", "Parsing Sentences", categories: ["cs.CL"]),
            Paper("2608.00004", "Diffusing Heat", categories: ["cs.lg"]));

        var matched = await app.WithDbAsync(db => app.Services.GetRequiredService<WatchlistMatcher>()
            .MatchAsync(db, ["2608.00001", "2608.00002", "2608.00003", "2608.00004"], ["cat:cs.LG -diffusion", "cat:cs.CL", "-diffusion", "since:2026-01-01"], default));

        Assert.Equal(["2608.00001"], matched["cat:cs.LG -diffusion"]); // "diffusing" is the same word stemmed
        Assert.Equal(["2608.00003"], matched["cat:cs.CL"]);
        Assert.False(matched.ContainsKey("-diffusion")); // not a watch-list: left out
        Assert.False(matched.ContainsKey("since:2026-01-01"));
    }
}

public sealed class SqliteWatchlistSearchTests() : WatchlistSearchTests(Engine.Sqlite);
public sealed class PostgresWatchlistSearchTests() : WatchlistSearchTests(Engine.Postgres);

public class WatchlistQueryTests
{
    [Theory]
    [InlineData("", "Type a word")]
    [InlineData("   ", "Type a word")]
    [InlineData("-diffusion", "not only exclusions")]
    [InlineData("since:2026-01-01", "not only exclusions (-word) or dates")]
    [InlineData("steering since:2026-13-01", "since: wants a date such as since:2026-01-01, not '2026-13-01'.")]
    [InlineData("cat:!!", "cat: wants an arXiv category such as cat:cs.LG")]
    public void AWatchlistThatCannotMeanAnythingIsRefusedWithAReason(string text, string reason)
    {
        var (query, error) = WatchlistQuery.Parse(text);

        Assert.Null(query);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void AWatchlistIsAtMostTwoHundredCharacters()
    {
        Assert.Contains("at most 200 characters", WatchlistQuery.Parse(new string('a', 201)).Error);
        Assert.NotNull(WatchlistQuery.Parse(new string('a', 200)).Query);
    }
}
