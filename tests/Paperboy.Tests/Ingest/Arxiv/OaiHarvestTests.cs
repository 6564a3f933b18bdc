using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Arxiv;

/// <summary>The OAI-PMH harvester against a loopback server: the recorded ListRecords page (with its token), then a last page.</summary>
public sealed class OaiHarvestTests
{
    static readonly string FirstPage = SharedData.PathOf("arxiv-oai-pmh", "litpuvn_ListRecords.xml");
    static readonly string LastPage = SharedData.PathOf("arxiv-oai-pmh", "arxiv-format", "functional__arxiv__fixtures__http_server__records__arxiv-physics-hep-th.xml");
    static readonly OaiHarvest Harvest = new("cs", new DateOnly(2016, 10, 20), null);

    static Task<PaperboyFactory> StartAppAsync(RecordedHttpServer oai) => PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>
    {
        ["Paperboy:Sources:Arxiv:OaiBaseUrl"] = new Uri(oai.BaseAddress, "oai").ToString(),
        ["Paperboy:Sources:Arxiv:RequestInterval"] = "00:00:00.050",
    });

    static Task SendAsync(HttpContext context, string path) => RecordedHttpServer.SendFileAsync(context, path, "text/xml");

    [Fact]
    public async Task A503WithRetryAfterIsWaitedOutAndTheTokenIsFollowedToTheEnd()
    {
        var calls = 0;
        await using var oai = await RecordedHttpServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }
            return SendAsync(context, context.Request.Query.ContainsKey("resumptionToken") ? LastPage : FirstPage);
        });
        await using var app = await StartAppAsync(oai);

        var summary = await app.Services.GetRequiredService<OaiPmhHarvester>().HarvestAsync(Harvest, null, default);

        Assert.Null(summary.Error);
        Assert.Equal(new ImportCounts(390, 0, 0, 0), summary.Counts);
        var requests = oai.Requests.OrderBy(r => r.At).ToList();
        Assert.Equal(3, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1), $"retried after {requests[1].At - requests[0].At:g}");
        Assert.Equal(requests[0].PathAndQuery, requests[1].PathAndQuery);
        Assert.Contains("verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2016-10-20", requests[1].PathAndQuery);
        Assert.EndsWith("resumptionToken=1403493%7C1001", requests[2].PathAndQuery);
        var paper = await app.WithDbAsync(db => db.Set<Paper>().SingleAsync(p => p.Id == "0803.4354"));
        Assert.Equal(6, paper.Version);
    }

    [Fact]
    public async Task AHarvestThatFailedAfterAPageResumesFromTheSavedToken()
    {
        var failNext = true;
        await using var oai = await RecordedHttpServer.StartAsync(context =>
        {
            if (!context.Request.Query.ContainsKey("resumptionToken")) return SendAsync(context, FirstPage);
            if (failNext) { failNext = false; context.Response.StatusCode = 500; return Task.CompletedTask; }
            return SendAsync(context, LastPage);
        });
        await using var app = await StartAppAsync(oai);
        var harvester = app.Services.GetRequiredService<OaiPmhHarvester>();

        var failed = await harvester.HarvestAsync(Harvest, null, default);
        var firstRun = await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync("oai", default);
        var before = oai.Requests.Count;
        var resumed = await harvester.HarvestAsync(Harvest, null, default);

        Assert.StartsWith("OAI-PMH answered HTTP 500 for ", failed.Error);
        Assert.Equal((ImportStatus.Failed, "1403493|1001", 387), (firstRun!.Status, firstRun.Cursor, firstRun.New));
        Assert.Null(resumed.Error);
        Assert.Equal(new ImportCounts(3, 0, 0, 0), resumed.Counts);
        var again = oai.Requests.Skip(before).ToList();
        Assert.EndsWith("resumptionToken=1403493%7C1001", Assert.Single(again).PathAndQuery);
    }

    [Fact]
    public async Task NoRecordsMatchIsAClearMessageNotAFailure()
    {
        await using var oai = await RecordedHttpServer.StartAsync(context =>
            context.Response.WriteAsync("""<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="noRecordsMatch">no records</error></OAI-PMH>"""));
        await using var app = await StartAppAsync(oai);

        var summary = await app.Services.GetRequiredService<OaiPmhHarvester>().HarvestAsync(Harvest, null, default);

        Assert.Null(summary.Error);
        Assert.Equal("set=cs from=2016-10-20 format=arXivRaw: no records match (empty result)", Assert.Single(summary.Problems).ToString());
    }
}
