using System.Text.Json;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Web;

public sealed class OpenApiTests
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheDailyPapersAndPaperEndpoints()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = doc.GetProperty("paths");
        var list = paths.GetProperty("/api/daily_papers").GetProperty("get");
        Assert.Equal(["date", "week", "month", "p", "limit", "submitter", "sort"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        var paper = paths.EnumerateObject().Single(p => p.Name.StartsWith("/api/papers/{") && p.Name.Count(c => c == '/') == 3).Value.GetProperty("get");
        Assert.True(paper.GetProperty("responses").TryGetProperty("404", out _));
        Assert.False(paths.TryGetProperty("/papers/date/{date}", out _), "HTML pages are not part of the API description");
    }
}
