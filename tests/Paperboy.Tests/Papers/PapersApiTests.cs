using System.Net;
using System.Text.Json;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Infrastructure.TestPapers;

namespace Paperboy.Tests.Papers;

public abstract class PapersApiTests(Engine engine)
{
    [Fact]
    public async Task APaperAnswersAsHfsFlatPaperObject()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var recorded = (await app.LoadHfDayAsync("2026-08-21")).Single(e => e.GetProperty("paper").GetProperty("id").GetString() == "2608.19880").GetProperty("paper");

        var response = await app.CreateClient().GetAsync("/api/papers/2608.19880v2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paper = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        foreach (var field in new[] { "id", "title", "summary", "upvotes", "publishedAt", "submittedOnDailyAt", "githubRepo", "githubStars", "projectPage", "ai_summary" })
            Assert.Equal(recorded.GetProperty(field).ToString(), paper.GetProperty(field).ToString());
        Assert.Equal(recorded.GetProperty("ai_keywords").EnumerateArray().Select(k => k.GetString()), paper.GetProperty("ai_keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("taesiri", paper.GetProperty("submittedOnDailyBy").GetProperty("name").GetString());
        Assert.Equal(recorded.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()),
            paper.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task AnOldStylePaperNeverFeaturedLeavesOutWhatIsUnknown()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.WithDbAsync(async db =>
        {
            db.Add(Paper("hep-th/9901001", "Strings", 0, "Ed Witten"));
            await db.SaveChangesAsync();
        });

        var json = await app.CreateClient().GetStringAsync("/api/papers/hep-th/9901001");

        Assert.Equal(
            """{"id":"hep-th/9901001","authors":[{"name":"Ed Witten","hidden":false}],"publishedAt":"2026-08-20T17:00:00.000Z","title":"Strings","summary":"Abstract of Strings.","upvotes":0}""",
            json);
    }

    [Theory]
    [InlineData("2608.99999", "There is no paper 2608.99999 here.")]
    [InlineData("banana", "'banana' is not an arXiv id; they look like 2409.01234 or hep-th/9901001.")]
    public async Task AnUnknownPaperIsA404Problem(string id, string detail)
    {
        await using var app = await PaperboyFactory.StartAsync(engine);

        var response = await app.CreateClient().GetAsync($"/api/papers/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            $$$"""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Paper not found","status":404,"detail":{{{ProblemJson.Quote(detail)}}},"errors":{"id":[{{{ProblemJson.Quote(detail)}}}]}}""",
            await ProblemJson.WithoutTraceIdAsync(response));
    }
}

public sealed class SqlitePapersApiTests() : PapersApiTests(Engine.Sqlite);
public sealed class PostgresPapersApiTests() : PapersApiTests(Engine.Postgres);
