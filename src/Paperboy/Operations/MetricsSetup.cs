using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Metrics;
using Paperboy.Digest.Outbox;
using Paperboy.Ingest;
using Paperboy.Search.Meaning;
using Paperboy.Storage;

namespace Paperboy.Operations;

/// <summary>Section <c>Paperboy:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Paperboy:Metrics";

    /// <summary>Serve <c>/metrics</c> in Prometheus' text format (off by default: it tells strangers about the hub).</summary>
    public bool Enabled { get; set; }

    /// <summary>The path it is served at.</summary>
    [RegularExpression("^/[A-Za-z0-9/_-]*$")] public string Path { get; set; } = "/metrics";
}

/// <summary>
/// Metrics in Prometheus' text format, exported with OpenTelemetry: what ASP.NET Core and Kestrel already measure
/// (requests by route, method and status with their latency, connections), the runtime's (GC, heap, thread pool), and
/// Paperboy's own meters (<c>Paperboy.*</c>: imports, the outbox, the search index, job leases).
/// </summary>
public static class MetricsSetup
{
    const string JobsMeter = "Paperboy.Jobs";

    public static IServiceCollection AddPaperboyMetrics(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!config.GetValue<bool>(MetricsOptions.Section + ":Enabled")) return services;
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime", "System.Net.Http")
            .AddMeter(ImportMetrics.MeterName, OutboxMetrics.MeterName, EmbeddingMetrics.MeterName, JobsMeter)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        if (!options.Enabled) return app;
        // The instruments that observe a value exist once their owner does: create them now, not at their first use.
        app.Services.GetRequiredService<ImportMetrics>();
        app.Services.GetRequiredService<OutboxMetrics>();
        app.Services.GetRequiredService<EmbeddingMetrics>();
        var leases = app.Services.GetRequiredService<JobLeases>();
        System.Diagnostics.Metrics.MeterFactoryExtensions.Create(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), JobsMeter)
            .CreateObservableGauge("paperboy.jobs.leases_held", () => leases.HeldHere, "{lease}", "Scheduled jobs' leases this instance holds (it is running them).");
        app.MapPrometheusScrapingEndpoint(options.Path);
        return app;
    }
}
