using System.Net;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Web;

/// <summary>Every per-paper address, page or API, answers an id that is not an arXiv id the same way: 404 naming the id.</summary>
public class PaperRoutesTests
{
    const string NotAnId = "'banana' is not an arXiv id; they look like 2409.01234 or hep-th/9901001.";

    [Theory]
    [InlineData("/api/papers/banana")]
    [InlineData("/api/papers/banana/related")]
    [InlineData("/api/papers/banana/comments")]
    public async Task AnApiAddressWithoutAnArxivIdIsA404ProblemNamingTheId(string url)
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            $$$"""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Paper not found","status":404,"detail":{{{ProblemJson.Quote(NotAnId)}}},"errors":{"id":[{{{ProblemJson.Quote(NotAnId)}}}]}}""",
            await ProblemJson.WithoutTraceIdAsync(response));
    }

    [Theory]
    [InlineData("/papers/banana")]
    [InlineData("/papers/banana/discussion")]
    public async Task APageAddressWithoutAnArxivIdIsA404PageSayingSo(string url)
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var (response, page) = await Html.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(NotAnId, page.QuerySelector(".message").Text());
    }

    [Fact]
    public async Task AVersionedIdAnswersForTheBarePaperOnEveryPaperRoute()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "Versioned");

        var comments = await app.CreateClient().GetAsync("/api/papers/2409.01234v3/comments");

        Assert.Equal(HttpStatusCode.OK, comments.StatusCode);
        Assert.Equal("[]", await comments.Content.ReadAsStringAsync());
    }
}
