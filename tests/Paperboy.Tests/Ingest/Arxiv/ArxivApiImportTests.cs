using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Arxiv;

/// <summary>The arXiv query API client and importer against a loopback server answering with the recorded exchanges.</summary>
public sealed class ArxivApiImportTests
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    /// <summary>Answers a request with the recorded exchange for it, or with <paramref name="answer"/>'s choice.</summary>
    static Task<RecordedHttpServer> StartArxivAsync(Func<string, ArxivRecordings.Exchange?>? answer = null) => RecordedHttpServer.StartAsync(async context =>
    {
        var pathAndQuery = context.Request.Path + context.Request.QueryString;
        var exchange = answer?.Invoke(pathAndQuery) ?? ArxivRecordings.Find(pathAndQuery);
        if (exchange is null) { context.Response.StatusCode = 404; return; }
        await Task.Delay(20); // a little server time, so overlapping requests would show
        context.Response.StatusCode = exchange.Status;
        context.Response.ContentType = "application/atom+xml";
        await context.Response.WriteAsync(exchange.Body);
    });

    static Task<PaperboyFactory> StartAppAsync(RecordedHttpServer arxiv) => PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>
    {
        ["Paperboy:Sources:Arxiv:ApiBaseUrl"] = new Uri(arxiv.BaseAddress, "api/query").ToString(),
        ["Paperboy:Sources:Arxiv:RequestInterval"] = Interval.ToString(),
        ["Paperboy:Sources:Arxiv:PageSize"] = "10",
    });

    static ArxivApiImporter Importer(PaperboyFactory app) => app.Services.GetRequiredService<ArxivApiImporter>();

    [Fact]
    public async Task ASearchIsPagedOneRequestAtATimeOnOneConnectionAtLeastTheIntervalApart()
    {
        await using var arxiv = await StartArxivAsync();
        await using var app = await StartAppAsync(arxiv);

        // Two imports at once still make arXiv see one request at a time.
        var search = Importer(app).ImportQueryAsync("testing", 30, null, null, default);
        var ids = Importer(app).ImportIdsAsync(["1605.08386"], null, default);
        var summaries = await Task.WhenAll(search, ids);

        Assert.All(summaries, s => Assert.Null(s.Error));
        Assert.Equal(30, summaries[0].Counts.Papers);
        var requests = arxiv.Requests.OrderBy(r => r.At).ToList();
        Assert.Equal(4, requests.Count);
        Assert.Equal(3, requests.Count(r => r.PathAndQuery.Contains("search_query=testing")));
        Assert.Contains(requests, r => r.PathAndQuery.Contains("start=20&max_results=10"));
        Assert.All(requests, r => Assert.Equal(1, r.InFlight));
        Assert.Single(requests.Select(r => r.ClientPort).Distinct());
        foreach (var (before, after) in requests.Zip(requests.Skip(1)))
            Assert.True(after.At - before.At >= Interval, $"requests {after.At - before.At:g} apart");
    }

    [Theory]
    [InlineData("1605.08386", "1605.08386", 1)]
    [InlineData("2104.12255v1", "2104.12255", 1)]
    [InlineData("quant-ph/0201082v1", "quant-ph/0201082", 1)]
    [InlineData("astro-ph/0601001", "astro-ph/0601001", 1)]
    public async Task OldAndNewIdsWithAndWithoutVersionsAreStoredWithoutTheVersion(string asked, string stored, int version)
    {
        await using var arxiv = await StartArxivAsync();
        await using var app = await StartAppAsync(arxiv);

        var summary = await Importer(app).ImportIdsAsync([asked], null, default);

        Assert.Equal(new ImportCounts(1, 0, 0, 0), summary.Counts);
        var paper = await app.WithDbAsync(db => db.Set<Paper>().SingleAsync());
        Assert.Equal((stored, version), (paper.Id, paper.Version));
    }

    [Fact]
    public async Task TheErrorFeedFailsTheRunWithArxivsMessage()
    {
        await using var arxiv = await StartArxivAsync(_ => ArxivRecordings.Named("id_abc_"));
        await using var app = await StartAppAsync(arxiv);

        var summary = await Importer(app).ImportQueryAsync("ti:(", 10, null, null, default);

        Assert.Equal("arXiv rejected the query 'ti:(': incorrect id format for abc", summary.Error);
        var run = await app.Services.GetRequiredService<ImportRuns>().FindLatestAsync("arxiv", default);
        Assert.Equal((ImportStatus.Failed, summary.Error), (run!.Status, run.Error));
    }

    [Fact]
    public async Task ASearchImportsNoMoreThanItsMaximumWhenArxivAnswersAWholePage()
    {
        // Every request answered with the recorded page of 100 for "testing", whatever it asked for.
        await using var arxiv = await StartArxivAsync(_ => ArxivRecordings.Named("q_testing_s0_m100_"));
        await using var app = await StartAppAsync(arxiv);

        var summary = await Importer(app).ImportQueryAsync("testing", 5, null, null, default);

        Assert.Null(summary.Error);
        Assert.Equal(5, summary.Counts.Papers);
        Assert.Equal(5, await app.WithDbAsync(db => db.Set<Paper>().CountAsync()));
    }

    [Fact]
    public async Task TheClientReadsTheRecordedErrorAndEmptyAnswers()
    {
        await using var arxiv = await StartArxivAsync();
        await using var app = await StartAppAsync(arxiv);
        var client = app.Services.GetRequiredService<ArxivApiClient>();

        var error = await client.QueryAsync(null, ["abc"], 0, 100, null, default);
        var empty = await client.QueryAsync(null, ["0000.0000"], 0, 100, null, default);

        Assert.Equal("incorrect id format for abc", error.Error);
        Assert.Equal((0, 0, null), (empty.Entries.Count, empty.TotalResults, empty.Error));
    }

    [Fact]
    public async Task AnIdArxivDoesNotKnowAndAnInvalidIdAreReportedClearly()
    {
        await using var arxiv = await StartArxivAsync(_ => ArxivRecordings.Named("id_0000.0000_"));
        await using var app = await StartAppAsync(arxiv);

        var summary = await Importer(app).ImportIdsAsync(["2409.01234", "abc"], null, default);

        Assert.Null(summary.Error);
        Assert.Equal(new ImportCounts(0, 0, 0, 2), summary.Counts);
        Assert.Equal(["abc: not an arXiv id (expected e.g. 2409.01234, 2409.01234v2 or hep-th/9901001)", "2409.01234: arXiv has no such paper (empty result)"],
            summary.Problems.Select(p => p.ToString()));
        Assert.Single(arxiv.Requests); // the invalid id was never sent
    }
}
