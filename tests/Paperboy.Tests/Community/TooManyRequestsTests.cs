using System.Net;
using System.Net.Http.Json;
using Paperboy.Storage;
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

    [Fact]
    public async Task RefusedCommentsUseUpNoneOfTheAllowanceAndTheFormsRefusalIsAPage()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:RateLimits:Comments"] = "2" });
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");
        var api = ApiClient(app, token);
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(app, browser, "ada@example.org");
        var form = AntiforgeryToken(await browser.GetStringAsync("/papers/2409.01234/discussion"));
        FormUrlEncodedContent Comment(string text) => new(new Dictionary<string, string> { ["text"] = text, ["__RequestVerificationToken"] = form });

        // Six refusals: an empty text, malformed JSON, an unknown paper, a parent on no paper, an empty form, someone else's comment.
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/papers/2409.01234/comments", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/papers/2409.99999/comments", new { text = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "hi", parentId = 404 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/papers/2409.01234/comments", Comment(""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PatchAsJsonAsync("/api/comments/404", new { text = "hi" })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "one" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/papers/2409.01234/comments", Comment("two"))).StatusCode);
        var third = await browser.PostAsync("/papers/2409.01234/comments", Comment("three"));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.Contains("Retry-After"));
        Assert.StartsWith("Slow down: try again in ", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await third.Content.ReadAsStringAsync()).QuerySelector(".message").Text());
        Assert.Equal(2, (await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask()))!.CommentCount);
    }
}
