using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;
using static Paperboy.Tests.Community.CommentApiTests;

namespace Paperboy.Tests.Community;

public class SubmissionApiTests
{
    static Dictionary<string, string?> Settings(RecordedHttpServer arxiv, int maxAgeDays) => new()
    {
        ["Paperboy:Sources:Arxiv:ApiBaseUrl"] = new Uri(arxiv.BaseAddress, "api/query").ToString(),
        ["Paperboy:Sources:Arxiv:RequestInterval"] = "00:00:00.010",
        ["Paperboy:Community:SubmissionMaxAgeDays"] = maxAgeDays.ToString(),
    };

    [Theory]
    [InlineData("https://arxiv.org/abs/2104.12255v1", "2104.12255", "0")]
    [InlineData("astro-ph/0601001", "astro-ph/0601001", null)]
    [InlineData("https://arxiv.org/pdf/1605.08386", "1605.08386", null)]
    public async Task ASubmittedPaperIsFetchedFromArxivAndFeaturedTodayUnderTheSubmittersName(string input, string id, string? title)
    {
        await using var arxiv = await ArxivApiAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(arxiv, 100_000));
        var (_, token) = await AddUserAsync(app, "ada");

        var response = await ApiClient(app, token).PostAsJsonAsync("/api/papers/submit", new { id = input });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal("ada", body.GetProperty("submittedBy").GetString());
        var featured = await app.WithDbAsync(db => db.Set<FeaturedPaper>().Include(f => f.Paper).SingleAsync());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), featured.Day);
        Assert.Equal(FeaturedSource.Community, featured.Source);
        Assert.Equal("ada", featured.SubmittedBy);
        Assert.NotEmpty(featured.Paper!.Authors);
        if (title is not null) Assert.Equal(title, featured.Paper.Title);
        Assert.Contains(arxiv.Requests, r => r.PathAndQuery.StartsWith("/api/query"));
    }

    [Fact]
    public async Task EveryRuleRefusesWithItsOwnMessage()
    {
        await using var arxiv = await ArxivApiAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(arxiv, 14));
        var (_, token) = await AddUserAsync(app, "ada");
        await AddPaperAsync(app, "2409.01234", featuredOn: new DateOnly(2026, 8, 21));
        var client = ApiClient(app, token);

        await AssertProblem(await client.PostAsJsonAsync("/api/papers/submit", new { id = "not an id" }), 400, "id",
            "Enter an arXiv id (like 2409.01234 or hep-th/9901001) or an arXiv link.");
        await AssertProblem(await client.PostAsJsonAsync("/api/papers/submit", new { id = "2409.01234v3" }), 409, "id",
            "2409.01234 is already on the list of 2026-08-21.");
        await AssertProblem(await client.PostAsJsonAsync("/api/papers/submit", new { id = "2104.12255v1" }), 422, "id",
            "2104.12255 first appeared on 2021-04-20; only papers whose first version is at most 14 days old can be submitted.");
        await AssertProblem(await client.PostAsJsonAsync("/api/papers/submit", new { id = "0000.0000" }), 400, "id",
            "Enter an arXiv id (like 2409.01234 or hep-th/9901001) or an arXiv link.");
        await AssertProblem(await client.PostAsJsonAsync("/api/papers/submit", new { id = "2501.00001" }), 404, "id",
            "arXiv has no paper 2501.00001.");
        await AssertProblem(await client.PostAsJsonAsync("/api/papers/submit", new { }), 400, "id",
            "Enter an arXiv id (like 2409.01234 or hep-th/9901001) or an arXiv link.");
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<FeaturedPaper>().CountAsync()));
    }

    [Fact]
    public async Task AnUnreachableArxivIsA502WithAClearMessage()
    {
        await using var arxiv = await ArxivApiAsync();
        var settings = Settings(arxiv, 100_000);
        settings["Paperboy:Sources:Arxiv:ApiBaseUrl"] = "http://127.0.0.1:9/api/query";
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, settings);
        var (_, token) = await AddUserAsync(app, "ada");

        var response = await ApiClient(app, token).PostAsJsonAsync("/api/papers/submit", new { id = "1605.08386" });

        await AssertProblem(response, 502, "id", "arXiv could not be reached to fetch this paper; try again in a few minutes.");
    }

    [Fact]
    public async Task SubmittingNeedsAValidToken()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var none = await ApiClient(app, null).PostAsJsonAsync("/api/papers/submit", new { id = "1605.08386" });
        var bad = await ApiClient(app, "pb_9_nope").PostAsJsonAsync("/api/papers/submit", new { id = "1605.08386" });

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }
}
