using System.Net;
using System.Net.Http.Json;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Community;

/// <summary>A rate limit answers 429 with Retry-After: a page for a person at a form, a typed problem for the API.</summary>
public class TooManyRequestsTests
{
    [Fact]
    public async Task ThePerClientSignInLimitOnTheFormIsAReadablePage()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:RateLimits:SignInPerClient"] = "1" });
        await RequestLinkAsync(app, "ada@example.org");

        var refused = await RequestLinkAsync(app, "bob@example.org");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Slow down: try again in ", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector(".message").Text());
    }

    [Fact]
    public async Task TheApiLimitIsAProblemWithAType()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:RateLimits:Votes"] = "1" });
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, token);
        await client.PostAsync("/api/papers/2409.01234/upvote", null);

        var refused = await client.PostAsync("/api/papers/2409.01234/upvote", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
    }
}
