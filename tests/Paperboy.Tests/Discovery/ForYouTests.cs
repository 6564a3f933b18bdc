using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;
using static Paperboy.Tests.Discovery.ForYouData;

namespace Paperboy.Tests.Discovery;

/// <summary>"For you" through its page, API and private feed, on real papers with real vectors, on both engines.</summary>
public abstract class ForYouTests(Engine engine)
{
    static async Task<List<JsonElement>> RecommendationsAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/recommendations" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).EnumerateArray().ToList();
    }

    static string IdOf(JsonElement e) => e.GetProperty("paper").GetProperty("id").GetString()!;

    static async Task UpvoteAsync(HttpClient client, params string[] ids)
    {
        foreach (var id in ids) Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/papers/{id}/upvote", null)).StatusCode);
    }

    [Fact]
    public async Task AReaderWhoUpvotedSpeechPapersGetsASpeechPaperFirstWithTheReason()
    {
        await using var app = await StartAsync(engine);
        var (_, _, client) = await SpeechReaderAsync(app);

        var list = await RecommendationsAsync(client);
        Assert.Contains(IdOf(list[0]), new[] { Asr, AudioLearners });
        var titles = new List<string>();
        foreach (var id in SpeechOfJuly) titles.Add(await TitleAsync(app, id));
        Assert.Contains(list[0].GetProperty("reason").GetString(), titles.Select(t => $"close to {t}"));
        Assert.DoesNotContain(list, e => SpeechOfJuly.Contains(IdOf(e))); // what they liked is not recommended back
        Assert.True(list.Count >= 10, $"{list.Count} recommendations"); // the recent papers with vectors, ranked
    }

    [Fact]
    public async Task TheApiAnswersInHfsShapeWithAReasonAndRefusesBadInput()
    {
        await using var app = await StartAsync(engine);
        var (_, _, client) = await SpeechReaderAsync(app);

        var first = (await RecommendationsAsync(client, "?limit=3&since=2026-08-01")).ToList();
        Assert.Equal(3, first.Count);
        var paper = first[0].GetProperty("paper");
        foreach (var field in new[] { "id", "authors", "publishedAt", "title", "summary", "upvotes" }) Assert.True(paper.TryGetProperty(field, out _), field);
        Assert.Equal(paper.GetProperty("title").GetString(), first[0].GetProperty("title").GetString());
        Assert.StartsWith("close to ", first[0].GetProperty("reason").GetString());
        Assert.Empty(await RecommendationsAsync(client, "?since=2026-09-01")); // nothing published since

        foreach (var (query, parameter, detail) in new[]
                 {
                     ("?limit=0", "limit", "limit must be a whole number from 1 to 100, not '0'."),
                     ("?limit=100000", "limit", "limit must be a whole number from 1 to 100, not '100000'."),
                     ("?since=yesterday", "since", "since must be a date as YYYY-MM-DD, not 'yesterday'."),
                     ("?since=2026-02-30", "since", "since must be a date as YYYY-MM-DD, not '2026-02-30'."),
                 })
        {
            var bad = await client.GetAsync("/api/recommendations" + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            var problem = await JsonAsync(bad);
            Assert.Equal(detail, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
        }
        var signedOut = await app.CreateClient().GetAsync("/api/recommendations");
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Equal("Sign-in required", (await JsonAsync(signedOut)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AReaderWithNoHistoryGetsTrendingInTrendingOrder()
    {
        await using var app = await StartAsync(engine);
        var (_, token) = await AddUserAsync(app, "newcomer");
        var client = ApiClient(app, token);
        var trending = (await JsonAsync(await client.GetAsync("/api/papers/trending?limit=10"))).EnumerateArray()
            .Select(e => e.GetProperty("paper").GetProperty("id").GetString()!).ToList();
        var list = await RecommendationsAsync(client, "?limit=10");
        Assert.Equal(trending, list.Select(IdOf).ToList());
        Assert.All(list, e => Assert.Equal("trending now", e.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task WhatAFollowedPersonUpvotedIsRecommendedWithTheirHandle()
    {
        await using var app = await StartAsync(engine);
        var (reader, _, client) = await SpeechReaderAsync(app);
        var (bob, bobToken) = await AddUserAsync(app, "bob");
        await UpvoteAsync(ApiClient(app, bobToken), EnvHarness);
        await FollowAsync(app, reader, bob);

        var list = await RecommendationsAsync(client, "?limit=10");
        var followed = Assert.Single(list, e => IdOf(e) == EnvHarness);
        Assert.Equal("upvoted by @bob, whom you follow", followed.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ADismissedPaperGoesFromThePageAndStaysGone()
    {
        await using var app = await StartAsync(engine);
        await AddUserAsync(app, "ada");
        var browser = app.CreateClient();
        await SignInAsync(app, browser, "ada@example.org");
        await UpvoteOnPageAsync(browser);
        var page = await browser.GetStringAsync("/papers/for-you");
        var top = (await RecommendationsAsync(browser))[0]; // the cookie works for the API too
        var topId = IdOf(top);
        Assert.Contains($"action=\"/papers/for-you/{topId}/dismiss\"", page);
        Assert.Contains(WebUtility.HtmlEncode(top.GetProperty("reason").GetString()!), page);

        var dismissed = await browser.PostAsync($"/papers/for-you/{topId}/dismiss", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode); // followed the redirect back to the page
        Assert.Equal("/papers/for-you", dismissed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain($"data-paper-id=\"{topId}\"", await dismissed.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await RecommendationsAsync(browser, "?limit=100"), e => IdOf(e) == topId);
        Assert.DoesNotContain(await RecommendationsAsync(browser, "?limit=100&since=2026-08-01"), e => IdOf(e) == topId);

        var noToken = await browser.PostAsync($"/papers/for-you/{topId}/dismiss", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    static async Task UpvoteOnPageAsync(HttpClient browser)
    {
        // Upvoted as a reader does, with the paper page's button.
        foreach (var id in SpeechOfJuly)
        {
            var paperPage = await browser.GetStringAsync($"/papers/{id}");
            var response = await browser.PostAsync($"/papers/{id}/upvote", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken(paperPage), ["returnUrl"] = $"/papers/{id}",
            }));
            Assert.True(response.IsSuccessStatusCode, $"upvote {id}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task TheApiDismissesByTokenAndAnUnknownPaperIsA404()
    {
        await using var app = await StartAsync(engine);
        var (_, _, client) = await SpeechReaderAsync(app);
        var ids = (await RecommendationsAsync(client)).Select(IdOf).ToList();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/recommendations/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/recommendations/{ids[1]}/dismiss", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/recommendations/{ids[1]}")).StatusCode); // twice is fine
        var after = (await RecommendationsAsync(client)).Select(IdOf).ToList();
        Assert.DoesNotContain(ids[0], after);
        Assert.DoesNotContain(ids[1], after);

        var unknown = await client.DeleteAsync("/api/recommendations/2608.99999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("There is no paper 2608.99999 here.", (await JsonAsync(unknown)).GetProperty("detail").GetString());
        var notAnId = await client.DeleteAsync("/api/recommendations/not-an-id");
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().DeleteAsync($"/api/recommendations/{ids[2]}")).StatusCode);
    }

    [Fact]
    public async Task ThePrivateFeedWorksSignedOutThroughTheSecretLinkAndAWrongSecretIsA404()
    {
        await using var app = await StartAsync(engine);
        var (_, _, api) = await SpeechReaderAsync(app);
        var browser = app.CreateClient();
        await SignInAsync(app, browser, "ada@example.org");
        var account = await browser.GetStringAsync("/account");
        Assert.Contains("Your \"For you\" feed", WebUtility.HtmlDecode(account));
        var made = await browser.PostAsync("/account/for-you-feed", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(account),
        }));
        var html = await made.Content.ReadAsStringAsync();
        var link = System.Text.RegularExpressions.Regex.Match(html, "<pre class=\"token\" id=\"for-you-feed-link\">([^<]+)</pre>").Groups[1].Value;
        Assert.StartsWith("http://localhost/papers/for-you/feed/pbf_", link);

        var reader = app.CreateClient();
        var feed = await reader.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(await feed.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry").ToList();
        var ids = (await RecommendationsAsync(api, "?limit=30")).Select(IdOf).ToList();
        Assert.Equal(ids.Select(id => $"http://localhost/papers/{id}"), entries.Select(e => e.Element(atom + "id")!.Value));
        Assert.StartsWith("Close to ", entries[0].Element(atom + "summary")!.Value);

        var path = new Uri(link).AbsolutePath;
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path[..^3] + (path[^3] == 'A' ? "BBB" : "AAA"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/papers/for-you/feed/nonsense")).StatusCode);
        // A new link replaces the old one.
        account = await browser.GetStringAsync("/account");
        await browser.PostAsync("/account/for-you-feed", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken(account) }));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ThePageAsksASignedOutVisitorToSignIn()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/papers/for-you");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fpapers%2Ffor-you", response.Headers.Location!.OriginalString);
    }
}

public sealed class SqliteForYouTests() : ForYouTests(Engine.Sqlite);

public sealed class PostgresForYouTests() : ForYouTests(Engine.Postgres);
