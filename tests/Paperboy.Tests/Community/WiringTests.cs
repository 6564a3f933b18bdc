using System.Net.Http.Json;
using static Paperboy.Tests.Community.CommunityTestData;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Community;

/// <summary>The community's parts inside the daily lists, the paper page and the daily-papers API.</summary>
public class WiringTests
{
    [Fact]
    public async Task SortTrendingInTheDailyPapersApiRanksByTheFormulaAndGivesEachScore()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddPaperAsync(app, "2409.00001", "Many votes, older", today.AddDays(-2), importedUpvotes: 10);
        await AddPaperAsync(app, "2409.00002", "Fewer votes, today", today, importedUpvotes: 6);
        var client = ApiClient(app, null);

        var all = await JsonAsync(await client.GetAsync("/api/daily_papers?sort=trending"));
        var week = await JsonAsync(await client.GetAsync($"/api/daily_papers?sort=trending&date={today.AddDays(-2):yyyy-MM-dd}"));
        var plain = await client.GetStringAsync("/api/daily_papers");

        Assert.Equal(["2409.00002", "2409.00001"], all.EnumerateArray().Select(e => e.GetProperty("paper").GetProperty("id").GetString()).ToArray());
        Assert.True(all[0].GetProperty("score").GetDouble() > all[1].GetProperty("score").GetDouble());
        Assert.Equal("2409.00001", Assert.Single(week.EnumerateArray()).GetProperty("paper").GetProperty("id").GetString());
        Assert.DoesNotContain("\"score\"", plain);
    }

    [Fact]
    public async Task ThePaperPageAndTheDayListCarryTheUpvoteButtonAndThePaperPageTheDiscussion()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "Wired paper", new DateOnly(2026, 8, 21), importedUpvotes: 4);
        var (_, token) = await AddUserAsync(app, "ada");
        await ApiClient(app, token).PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "first *comment*" });
        await ApiClient(app, token).PostAsync("/api/papers/2409.01234/upvote", null);
        var anonymous = app.CreateClient();
        var signedIn = app.CreateClient();
        await SignInAsync(app, signedIn, "ada@example.org");

        var listAnonymous = await anonymous.GetStringAsync("/papers/date/2026-08-21");
        var listSignedIn = await signedIn.GetStringAsync("/papers/date/2026-08-21");
        var page = await signedIn.GetStringAsync("/papers/2409.01234");

        Assert.Contains("<a class=\"upvote\" href=\"/signin\"", listAnonymous);
        Assert.Contains("<span class=\"count\">5</span>", listAnonymous);
        Assert.Contains("1 comment", listAnonymous);
        Assert.Contains("action=\"/papers/2409.01234/upvote\"", listSignedIn);
        Assert.Contains("aria-pressed=\"true\"", listSignedIn);
        Assert.Contains("action=\"/papers/2409.01234/upvote\"", page);
        Assert.Contains("<p>first <em>comment</em></p>", page);
        Assert.Contains("action=\"/papers/2409.01234/comments\"", page);
    }
}
