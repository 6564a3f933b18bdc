using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Web;

/// <summary>An unhandled exception (here, a table gone from under the app) is the message page on a page and a problem under /api, never a stack trace.</summary>
public class ServerErrorTests
{
    [Fact]
    public async Task AnExceptionIsTheMessagePageOnAPageAndAProblemUnderTheApi()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE comments"));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,*/*;q=0.8");

        var (page, document) = await Html.GetAsync(client, "/papers/2409.01234/discussion");
        var api = await client.GetAsync("/api/papers/2409.01234/comments");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Something went wrong", document.QuerySelector("h1").Text());
        Assert.Equal("That is our fault, not yours, and it has been logged. Try again in a moment.", document.QuerySelector(".message").Text());
        Assert.DoesNotContain("Exception", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.1","title":"Something went wrong","status":500,"detail":"That is our fault, not yours, and it has been logged. Try again in a moment."}""",
            ProblemJson.WithoutTraceId(JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement));
    }
}
