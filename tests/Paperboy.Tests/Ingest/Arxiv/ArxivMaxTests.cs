using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest.Arxiv;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Arxiv;

/// <summary><c>import arxiv --query Q --max N</c> imports at most N papers, whatever the server sends back.</summary>
public class ArxivMaxTests
{
    [Fact]
    public async Task ASearchImportsNoMoreThanItsMaximumWhenArxivAnswersAWholePage()
    {
        // The recorded answer to "testing" with max_results=100: a page of 100, whatever was asked.
        var wholePage = ArxivRecordings.Named("q_testing_s0_m100_");
        await using var arxiv = await RecordedHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/atom+xml";
            await context.Response.WriteAsync(wholePage.Body);
        });
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>
        {
            ["Paperboy:Sources:Arxiv:ApiBaseUrl"] = new Uri(arxiv.BaseAddress, "api/query").ToString(),
            ["Paperboy:Sources:Arxiv:RequestInterval"] = "00:00:00.010",
        });

        var summary = await app.Services.GetRequiredService<ArxivApiImporter>().ImportQueryAsync("testing", 10, null, null, default);

        Assert.Null(summary.Error);
        Assert.Equal(10, summary.Counts.Papers);
        Assert.Equal(10, await app.WithDbAsync(db => db.Set<Paper>().CountAsync()));
    }
}
