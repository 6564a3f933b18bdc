using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest.HfDaily;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Operations;

/// <summary>/metrics as Prometheus scrapes it: off unless the operator turns it on; requests by route, imports, the index.</summary>
public sealed class MetricsTests
{
    static readonly Dictionary<string, string?> On = new() { ["Paperboy:Metrics:Enabled"] = "true" };

    [Fact]
    public async Task MetricsAreNotServedUnlessTurnedOn()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task TurnedOnTheyCountRequestsByRouteAndTheImportedPapersInPrometheusTextFormat()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, On);
        await app.Services.GetRequiredService<HfDailyImporter>()
            .ImportFilesAsync([SharedData.PathOf("hf-daily-papers", "2026-08-21.json")], null, CancellationToken.None);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/papers/2608.19936")).StatusCode);
        Assert.True(await app.Services.GetRequiredService<JobLeases>().TryAcquireAsync("a job", TimeSpan.FromMinutes(5), CancellationToken.None));

        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        // A request is measured when it ends, which may be just after its reader has the answer (the output cache stores it then).
        var text = await Eventually.WaitForAsync(() => client.GetStringAsync("/metrics"), t => t.Contains("http_route=\"/papers/{**id}\""),
            TimeSpan.FromSeconds(10), "the paper page's request in /metrics");
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_count\{[^}]*http_route=""/papers/\{\*\*id\}""[^}]*\} 1\b", text);
        Assert.Matches(@"(?m)^paperboy_import_papers_total\{[^}]*outcome=""new""[^}]*source=""hf-daily""[^}]*\} 17\b", text);
        Assert.Matches(@"(?m)^paperboy_search_vectors\{[^}]*\} 0\b", text);
        Assert.Matches(@"(?m)^paperboy_outbox_waiting\{[^}]*\} 0\b", text);
        Assert.Matches(@"(?m)^paperboy_jobs_leases_held\{[^}]*\} 1\b", text);
    }

    [Fact]
    public async Task TheOutputCacheCountsAnAnonymousReadersFirstPageAsAMissAndTheSecondAsAHit()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, On);
        var client = app.CreateClient();
        await client.GetAsync("/papers/trending");
        await client.GetAsync("/papers/trending");

        var text = await client.GetStringAsync("/metrics");
        Assert.Matches(@"(?m)^paperboy_output_cache_requests_total\{[^}]*result=""miss""[^}]*\} 1\b", text);
        Assert.Matches(@"(?m)^paperboy_output_cache_requests_total\{[^}]*result=""hit""[^}]*\} 1\b", text);
    }

    [Fact]
    public async Task TheEmbeddingBacklogCountsThePapersWaitingForAVectorEvenWhereAnotherInstanceBackfills()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>(On) { ["Paperboy:Search:PollSeconds"] = "1" });
        await app.Services.GetRequiredService<HfDailyImporter>()
            .ImportFilesAsync([SharedData.PathOf("hf-daily-papers", "2026-08-21.json")], null, CancellationToken.None);
        var client = app.CreateClient();

        await Eventually.WaitForAsync(() => client.GetStringAsync("/metrics"), t => Regex.IsMatch(t, @"(?m)^paperboy_search_backlog\{[^}]*\} 17\b"),
            TimeSpan.FromSeconds(30), "the back-log of 17 papers in /metrics");
    }

    [Fact]
    public async Task OnAnAddressOfTheirOwnTheMetricsAreServedThereAndNothingElse()
    {
        using var data = new TempFolder();
        int hubPort = LoopbackPort.Free(), metricsPort = LoopbackPort.Free();
        await using var server = PaperboyProcess.Start(new Dictionary<string, string?>
        {
            ["Paperboy:DataDir"] = data.Path, ["Paperboy:Ingest:Scheduled"] = "false", ["Paperboy:Digest:Scheduled"] = "false",
            ["Paperboy:Search:Backfill"] = "false", ["Paperboy:Metrics:Enabled"] = "true", ["Paperboy:Metrics:Url"] = $"http://127.0.0.1:{metricsPort}",
        }, "--urls", $"http://127.0.0.1:{hubPort}");
        using var hub = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hubPort}") };
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        await Eventually.WaitForAsync(async () =>
        {
            try { return (await hub.GetAsync("/healthz")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, ok => ok, TimeSpan.FromSeconds(60), "the hub to listen");

        Assert.Contains("http_server_request_duration_seconds", await metrics.GetStringAsync("/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, (await hub.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await metrics.GetAsync("/about")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hub.GetAsync("/about")).StatusCode);
    }
}
