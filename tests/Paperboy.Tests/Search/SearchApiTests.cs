using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Search;

public sealed class SearchApiTests
{
    [Fact]
    public async Task SearchAnswersInHuggingFacesShape()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await RealPapers.InsertAsync(app, RealPapers.FromDays("2026-08-21"));
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/papers/search?q=sparse+attention&limit=2");
        var first = body.EnumerateArray().First();
        var paper = first.GetProperty("paper");
        Assert.Equal("2608.19758", paper.GetProperty("id").GetString());
        Assert.Equal("FlashPrefill V2: Block-Sparse Prefill Attention for Long-Context LLM Serving", paper.GetProperty("title").GetString());
        Assert.Equal("Qihang Fan", paper.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.EndsWith("Z", paper.GetProperty("publishedAt").GetString());
        Assert.True(paper.GetProperty("upvotes").GetInt32() >= 0);
        Assert.Equal(0, first.GetProperty("numComments").GetInt32());
        Assert.True(body.GetArrayLength() <= 2);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "/api/papers/search", "q", "Type some words to search for." },
        { "/api/papers/search?q=", "q", "Type some words to search for." },
        { "/api/papers/search?q=-diffusion", "q", "Add at least one word, \"phrase\" or author: to search for; exclusions (-word), cat:, since: and until: only narrow a search." },
        { "/api/papers/search?q=" + new string('x', 10_240), "q", "The query is 10240 characters long; at most 4096 are searched. Shorten it, for example to the abstract's first paragraph." },
        { "/api/papers/search?q=a+since:2026-02-30", "q", "since: wants a date such as since:2026-01-01, not '2026-02-30'." },
        { "/api/papers/search?q=agents&limit=0", "limit", "limit must be a whole number from 1 to 100, not '0'." },
        { "/api/papers/search?q=agents&limit=1000", "limit", "limit must be a whole number from 1 to 100, not '1000'." },
        { "/api/papers/search?q=agents&limit=ten", "limit", "limit must be a whole number from 1 to 100, not 'ten'." },
        { "/api/papers/search?q=agents&sort=best", "sort", "sort must be relevance, newest or votes, not 'best'." },
        { "/api/papers/search?q=agents&mode=fuzzy", "mode", "mode must be hybrid, keyword or meaning, not 'fuzzy'." },
        { "/api/papers/search?q=agents&from=2026-13-01", "from", "from must be a date like 2026-01-31, not '2026-13-01'." },
        { "/api/papers/2608.19880/related?limit=51", "limit", "limit must be a whole number from 1 to 50, not '51'." },
    };

    [Theory, MemberData(nameof(BadInput))]
    public async Task BadInputIsA400ProblemNamingTheParameter(string url, string parameter, string message)
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("One or more validation errors occurred.", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal([message], errors.GetProperty(parameter).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task TheSearchRoutesAreDescribedInOpenApiAndTheAdminPageShowsTheBackfillToCuratorsOnly()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await RealPapers.InsertAsync(app, RealPapers.FromDays("2026-08-21"));
        var client = app.CreateClient();
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/papers/search", out _));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/papers/{id}/related", out _));

        var stranger = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/admin/search");
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fadmin%2Fsearch", stranger.Headers.Location?.OriginalString);

        await AddUserAsync(app, "ada");
        var member = app.CreateClient();
        await SignInAsync(app, member, "ada@example.org");
        var refused = await member.GetAsync("/admin/search");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Only curators and admins can see the search index.", refusal);
        Assert.DoesNotContain("id=\"embedded\"", refusal);

        await AddUserAsync(app, "cora", UserRole.Curator);
        var curator = app.CreateClient();
        await SignInAsync(app, curator, "cora@example.org");
        var admin = await curator.GetStringAsync("/admin/search");
        Assert.Contains("<dd id=\"embedded\">0 (0.0%)</dd>", admin);
        Assert.Contains("<dt>Papers</dt><dd>17</dd>", admin);
    }

    [Fact]
    public async Task TheFeedOfASearchIsAtomWithItsPapersNewestFirst()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await RealPapers.InsertAsync(app, RealPapers.FromDays("2026-08-21", "2025-06-02"));
        var response = await app.CreateClient().GetAsync("/search/feed?q=reasoning");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("Paperboy search: reasoning", feed.Root!.Element(atom + "title")!.Value);
        var published = feed.Root.Elements(atom + "entry").Select(e => e.Element(atom + "published")!.Value).ToList();
        Assert.True(published.Count >= 3);
        Assert.Equal(published.OrderDescending(StringComparer.Ordinal), published);
    }

    [Fact]
    public async Task TheSearchPageLinksItsFeedAndShowsAMessageForBadInput()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/search?q=agents");
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom&#x2B;xml\" title=\"Search: agents\" href=\"/search/feed?q=agents\" />", page);
        Assert.Contains("No papers match this search.", page);
        var bad = await client.GetAsync("/search?q=agents&votes=-3");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("votes must be a whole number from 0 to 2147483647, not &#x27;-3&#x27;.", await bad.Content.ReadAsStringAsync());
    }
}
