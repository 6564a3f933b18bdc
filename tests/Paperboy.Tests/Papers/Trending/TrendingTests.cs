using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Paperboy.Papers.Trending;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;
using static Paperboy.Tests.Community.CommentApiTests;

namespace Paperboy.Tests.Papers.Trending;

public class TrendingTests
{
    [Fact]
    public void TheScoreHalvesEveryHalfLifeAndCountsACommentAsTwoVotes()
    {
        Assert.Equal(10, TrendingRanker.Score(10, 0, 0, 24));
        Assert.Equal(5, TrendingRanker.Score(10, 0, 24, 24), 10);
        Assert.Equal(TrendingRanker.Score(4, 0, 5, 24), TrendingRanker.Score(0, 2, 5, 24));
        Assert.Equal(10, TrendingRanker.Score(10, 0, -3, 24)); // a day in the future does not grow the score
    }

    [Fact]
    public async Task FreshVotesAndCommentsOutrankOlderBiggerCountsAndTheApiShowsEachScore()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddPaperAsync(app, "2409.00001", "Old and big", today.AddDays(-3), importedUpvotes: 40);
        await AddPaperAsync(app, "2409.00002", "New and small", today, importedUpvotes: 8);
        await AddPaperAsync(app, "2409.00003", "New and discussed", today, importedUpvotes: 7);
        await AddPaperAsync(app, "2409.00004", "Too old to trend", today.AddDays(-30), importedUpvotes: 1000);
        var (_, token) = await AddUserAsync(app, "ada");
        await ApiClient(app, token).PostAsJsonAsync("/api/papers/2409.00003/comments", new { text = "great" });

        var list = await JsonAsync(await ApiClient(app, null).GetAsync("/api/papers/trending"));

        Assert.Equal(["2409.00003", "2409.00002", "2409.00001"], list.EnumerateArray().Select(e => e.GetProperty("paper").GetProperty("id").GetString()).ToArray());
        var scores = list.EnumerateArray().Select(e => e.GetProperty("score").GetDouble()).ToArray();
        Assert.True(scores[0] > scores[1] && scores[1] > scores[2]);
        Assert.Equal(1, list[0].GetProperty("numComments").GetInt32());
        Assert.Equal(scores[0], list[0].GetProperty("paper").GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task BadPagingIsAProblemNamingTheParameter()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var client = ApiClient(app, null);

        await AssertProblem(await client.GetAsync("/api/papers/trending?limit=0"), 400, "limit", "limit must be a whole number from 1 to 100, not '0'.");
        await AssertProblem(await client.GetAsync("/api/papers/trending?limit=1000"), 400, "limit", "limit must be a whole number from 1 to 100, not '1000'.");
        await AssertProblem(await client.GetAsync("/api/papers/trending?p=-1"), 400, "p", "p must be a whole number from 0 to 100000, not '-1'.");
        Assert.Equal("[]", await client.GetStringAsync("/api/papers/trending"));
    }

    [Fact]
    public async Task TheTrendingPageListsPapersBestFirstAndTheAboutPagePublishesTheFormula()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddPaperAsync(app, "2409.00001", "Second", today, importedUpvotes: 2);
        await AddPaperAsync(app, "2409.00002", "First", today, importedUpvotes: 9);
        var client = app.CreateClient();

        var page = await client.GetStringAsync("/papers/trending");
        var about = await client.GetStringAsync("/about");

        Assert.True(page.IndexOf(">First<", StringComparison.Ordinal) < page.IndexOf(">Second<", StringComparison.Ordinal));
        Assert.Contains("score = (upvotes + 2 × comments) × 2^(−age_hours / 24)", WebUtility.HtmlDecode(about));
    }

    [Fact]
    public async Task AVoteShowsOnTheCachedTrendingPageOnTheNextRequest()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddPaperAsync(app, "2409.00001", "Leader", today, importedUpvotes: 2);
        await AddPaperAsync(app, "2409.00002", "Challenger", today, importedUpvotes: 1);
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, bob) = await AddUserAsync(app, "bob");
        var anonymous = app.CreateClient();
        var before = await anonymous.GetStringAsync("/papers/trending"); // now in the output cache

        (await ApiClient(app, ada).PostAsync("/api/papers/2409.00002/upvote", null)).EnsureSuccessStatusCode();
        (await ApiClient(app, bob).PostAsync("/api/papers/2409.00002/upvote", null)).EnsureSuccessStatusCode();
        var after = await anonymous.GetStringAsync("/papers/trending");

        // Counts are read fresh on every render; the order itself is recomputed every few seconds (TrendingRanker).
        Assert.Equal(["2", "1"], Counts(before));
        Assert.Equal(["2", "3"], Counts(after));
    }

    [Fact]
    public async Task SortTrendingOfADayScoresEachPaperAsTheTrendingListDoes()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await app.LoadHfDayAsync("2026-08-20");
        await app.LoadHfDayAsync("2026-08-21");
        var client = app.CreateClient();

        var trending = Scores(await JsonAsync(await client.GetAsync("/api/papers/trending?limit=100")));
        var day = Scores(await JsonAsync(await client.GetAsync("/api/daily_papers?date=2026-08-20&sort=trending&limit=100")));

        Assert.NotEmpty(day);
        Assert.All(day, d => Assert.True(d.Value > 0, $"{d.Key} scores 0"));
        Assert.All(day, d => Assert.Equal(trending[d.Key], d.Value));
    }

    [Fact]
    public async Task TheTrendingPageLinksItsAtomFeed()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/papers/trending");

        var link = page.QuerySelector("head link[rel='alternate'][type='application/atom+xml']");
        Assert.Equal("/papers/trending/feed.atom", link?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheTrendingFeedListsTheTrendingPapersBestFirst()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddPaperAsync(app, "2409.00001", "Second", today, importedUpvotes: 2);
        await AddPaperAsync(app, "2409.00002", "First", today, importedUpvotes: 9);
        await AddPaperAsync(app, "2409.00003", "Too old to trend", today.AddDays(-30), importedUpvotes: 1000);

        var response = await app.CreateClient().GetAsync("/papers/trending/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("Paperboy: trending papers", feed.Element(atom + "title")!.Value);
        Assert.Equal(["First", "Second"], feed.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value));
    }

    static Dictionary<string, double> Scores(System.Text.Json.JsonElement list) =>
        list.EnumerateArray().ToDictionary(e => e.GetProperty("paper").GetProperty("id").GetString()!, e => e.GetProperty("score").GetDouble());

    static string[] Counts(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<span class=\"count\">(\\d+)</span>").Select(m => m.Groups[1].Value).ToArray();
}
