using System.Net;
using System.Text.Json;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Infrastructure.TestPapers;

namespace Paperboy.Tests.Papers.Lists;

public abstract class DailyPapersApiTests(Engine engine)
{
    [Fact]
    public async Task PagesAndLimitsSliceTheListInTheRequestedOrder()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var day = new DateOnly(2026, 8, 21);
        var papers = Enumerable.Range(1, 5).Select(i => Paper($"2608.0000{i}", $"P{i}", upvotes: i)).ToArray();
        for (var i = 0; i < papers.Length; i++) papers[i].PublishedAt = new DateTime(2026, 8, 10 + (i * 3 % 5), 0, 0, 0, DateTimeKind.Utc);
        await app.FeatureAsync(day, papers);
        var client = app.CreateClient();

        var byVotes = await IdsAsync(client, "/api/daily_papers?date=2026-08-21&sort=upvotes&limit=2&p=1");
        var byPublished = await IdsAsync(client, "/api/daily_papers?date=2026-08-21&sort=publishedAt");

        Assert.Equal(["2608.00003", "2608.00002"], byVotes);
        Assert.Equal(["2608.00004", "2608.00002", "2608.00005", "2608.00003", "2608.00001"], byPublished);
    }

    [Fact]
    public async Task WithoutSortADayIsMostUpvotedFirstAndTiesNewestFirst()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var papers = new[] { Paper("2608.00001", "Tied, older", 3), Paper("2608.00002", "Most voted", 9), Paper("2608.00003", "Tied, newer", 3) };
        papers[0].PublishedAt = new DateTime(2026, 8, 18, 0, 0, 0, DateTimeKind.Utc);
        papers[2].PublishedAt = new DateTime(2026, 8, 19, 0, 0, 0, DateTimeKind.Utc);
        await app.FeatureAsync(new DateOnly(2026, 8, 21), papers);

        var ids = await IdsAsync(app.CreateClient(), "/api/daily_papers?date=2026-08-21");

        Assert.Equal(["2608.00002", "2608.00003", "2608.00001"], ids);
    }

    [Fact]
    public async Task WithoutAPeriodOrSortEveryDayIsNewestPaperFirst()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (older, newer) = (Paper("2608.00001", "Older, voted", 50), Paper("2608.00002", "Newer", 1));
        older.PublishedAt = new DateTime(2026, 8, 10, 0, 0, 0, DateTimeKind.Utc);
        await app.FeatureAsync(new DateOnly(2026, 8, 11), older);
        await app.FeatureAsync(new DateOnly(2026, 8, 21), newer);

        var ids = await IdsAsync(app.CreateClient(), "/api/daily_papers");

        Assert.Equal(["2608.00002", "2608.00001"], ids);
    }

    [Fact]
    public async Task WeekMonthAndSubmitterFilter()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.FeatureAsync(new DateOnly(2026, 8, 17), Paper("2608.00001", "W34", 1));
        await app.FeatureAsync(new DateOnly(2026, 8, 24), Paper("2608.00002", "W35", 2));
        await app.LoadHfDayAsync("2026-08-21");
        var client = app.CreateClient();

        Assert.Equal(["2608.00002"], await IdsAsync(client, "/api/daily_papers?week=2026-W35"));
        Assert.Equal(19, (await IdsAsync(client, "/api/daily_papers?month=2026-08&limit=100")).Count);
        Assert.Equal(["2608.00001", "2608.00002"], (await IdsAsync(client, "/api/daily_papers?submitter=curator")).Order());
        Assert.Empty(await IdsAsync(client, "/api/daily_papers?date=2026-08-22"));
    }

    [Theory]
    [InlineData("date=2026-02-30", "date", "'2026-02-30' is not a date; expected YYYY-MM-DD, e.g. 2026-08-21.")]
    [InlineData("week=2026-W60", "week", "'2026-W60': 2026 has weeks W01 to W53.")]
    [InlineData("month=2026-00", "month", "'2026-00' is not a month; expected YYYY-MM, e.g. 2026-08.")]
    [InlineData("limit=0", "limit", "limit must be a whole number from 1 to 100, not '0'.")]
    [InlineData("limit=1000", "limit", "limit must be a whole number from 1 to 100, not '1000'.")]
    [InlineData("p=-1", "p", "p must be a whole number from 0 to 100000, not '-1'.")]
    [InlineData("p=x", "p", "p must be a whole number from 0 to 100000, not 'x'.")]
    [InlineData("sort=hot", "sort", "'hot' is not a sort order; use one of: publishedAt, upvotes, trending.")]
    public async Task AnInvalidParameterIsA400ProblemNamingIt(string query, string parameter, string message)
    {
        await using var app = await PaperboyFactory.StartAsync(engine);

        var response = await app.CreateClient().GetAsync($"/api/daily_papers?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            $$$"""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"detail":{{{ProblemJson.Quote(message)}}},"errors":{"{{{parameter}}}":[{{{ProblemJson.Quote(message)}}}]}}""",
            ProblemJson.WithoutTraceId(body));
    }

    [Fact]
    public async Task TwoPeriodsAtOnceAreRefusedNamingBoth()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);

        var response = await app.CreateClient().GetAsync("/api/daily_papers?date=2026-08-21&week=2026-W34");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"detail":"Give only one of date, week and month.","errors":{"date":["Give only one of date, week and month."],"week":["Give only one of date, week and month."]}}""",
            ProblemJson.WithoutTraceId(body));
    }

    static async Task<List<string>> IdsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(e => e.GetProperty("paper").GetProperty("id").GetString()!).ToList();
    }
}

public sealed class SqliteDailyPapersApiTests() : DailyPapersApiTests(Engine.Sqlite);
public sealed class PostgresDailyPapersApiTests() : DailyPapersApiTests(Engine.Postgres);
