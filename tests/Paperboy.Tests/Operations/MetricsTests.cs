using System.Net;
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
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_count\{[^}]*http_route=""/papers/\{\*\*id\}""[^}]*\} 1\b", text);
        Assert.Matches(@"(?m)^paperboy_import_papers_total\{[^}]*outcome=""new""[^}]*source=""hf-daily""[^}]*\} 17\b", text);
        Assert.Matches(@"(?m)^paperboy_search_vectors\{[^}]*\} 0\b", text);
        Assert.Matches(@"(?m)^paperboy_outbox_waiting\{[^}]*\} 0\b", text);
        Assert.Matches(@"(?m)^paperboy_jobs_leases_held\{[^}]*\} 1\b", text);
    }
}
