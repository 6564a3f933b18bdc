using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest.HfDaily;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Operations;

/// <summary>
/// /metrics as Prometheus scrapes it: off unless the operator turns it on; requests by route, imports, the index.
/// OpenTelemetry listens to every meter of a name in the process, whichever host made it, so a hub started by another
/// test at the same time would add its imports to these counts: these tests run alone (one hub is one process in use).
/// </summary>
[Collection(nameof(ProcessWideMetrics))]
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
    public async Task TurnedOnTheyShowTheImportedPapersTheIndexTheOutboxAndTheLeasesInPrometheusTextFormat()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, On);
        await app.Services.GetRequiredService<HfDailyImporter>()
            .ImportFilesAsync([SharedData.PathOf("hf-daily-papers", "2026-08-21.json")], null, CancellationToken.None);
        Assert.True(await app.Services.GetRequiredService<JobLeases>().TryAcquireAsync("a job", TimeSpan.FromMinutes(5), CancellationToken.None));

        var response = await app.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"(?m)^paperboy_import_papers_total\{[^}]*outcome=""new""[^}]*source=""hf-daily""[^}]*\} 17\b", text);
        Assert.Matches(@"(?m)^paperboy_search_vectors\{[^}]*\} 0\b", text);
        Assert.Matches(@"(?m)^paperboy_outbox_waiting\{[^}]*\} 0\b", text);
        Assert.Matches(@"(?m)^paperboy_jobs_leases_held\{[^}]*\} 1\b", text);
    }

    /// <summary>
    /// In a process of its own: ASP.NET Core's request meter has one name in every app, and the test process runs
    /// many apps side by side, whose requests OpenTelemetry's listener may count with this one's.
    /// </summary>
    [Fact]
    public async Task TurnedOnTheyCountRequestsByRouteWithTheirLatency()
    {
        await using var hub = await StartProcessAsync(new() { ["Paperboy:Metrics:Enabled"] = "true" });
        Assert.Equal(HttpStatusCode.OK, (await hub.Client.GetAsync("/about")).StatusCode);

        var text = await Eventually.WaitForAsync(() => hub.Client.GetStringAsync("/metrics"), t => t.Contains("http_route=\"/about\""),
            TimeSpan.FromSeconds(10), "the request to /about in /metrics"); // a request is measured once it has ended
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_count\{[^}]*http_route=""/about""[^}]*\} 1\b", text);
    }

    [Fact]
    public async Task TheOutputCacheCountsAnAnonymousReadersFirstPageAsAMissAndTheSecondAsAHit()
    {
        await using var hub = await StartProcessAsync(new() { ["Paperboy:Metrics:Enabled"] = "true" }); // every app has this meter
        await hub.Client.GetAsync("/papers/trending");
        await hub.Client.GetAsync("/papers/trending");

        var text = await hub.Client.GetStringAsync("/metrics");
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
        var metricsPort = LoopbackPort.Free();
        await using var hub = await StartProcessAsync(new()
        {
            ["Paperboy:Metrics:Enabled"] = "true", ["Paperboy:Metrics:Url"] = $"http://127.0.0.1:{metricsPort}",
        });
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };

        Assert.Contains("http_server_request_duration_seconds", await metrics.GetStringAsync("/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await metrics.GetAsync("/about")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hub.Client.GetAsync("/about")).StatusCode);
    }

    sealed record Hub(ServingHub Serving, TempFolder Data) : IAsyncDisposable
    {
        public HttpClient Client => Serving.Client;

        public async ValueTask DisposeAsync()
        {
            await Serving.DisposeAsync();
            Data.Dispose();
        }
    }

    /// <summary>A real <c>paperboy</c> serving an empty data folder on a free loopback port, once it answers.</summary>
    static async Task<Hub> StartProcessAsync(Dictionary<string, string?> settings)
    {
        var data = new TempFolder();
        settings["Paperboy:DataDir"] = data.Path;
        return new Hub(await ServingHub.StartAsync(settings), data);
    }
}

/// <summary>Tests that read the process's meters: run after the others, one at a time.</summary>
[CollectionDefinition(nameof(ProcessWideMetrics), DisableParallelization = true)]
public sealed class ProcessWideMetrics;
