using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Metrics;
using Paperboy.Digest.Outbox;
using Paperboy.Ingest;
using Paperboy.Search.Meaning;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Operations;

/// <summary>Section <c>Paperboy:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Paperboy:Metrics";

    /// <summary>Serve <c>/metrics</c> in Prometheus' text format (off by default: it tells strangers about the hub).</summary>
    public bool Enabled { get; set; }

    /// <summary>The path it is served at.</summary>
    [RegularExpression("^/[A-Za-z0-9/_-]*$")] public string Path { get; set; } = "/metrics";

    /// <summary>
    /// An address of its own (<c>http://127.0.0.1:9464</c>): the hub listens there too and serves only the metrics there,
    /// and not on its public address. Null: served on the hub's own address.
    /// </summary>
    [RegularExpression(@"^http://[^/:]+:\d+/?$", ErrorMessage = "Paperboy:Metrics:Url is an http address with a port, e.g. http://127.0.0.1:9464.")]
    public string? Url { get; set; }

    /// <summary>The port of <see cref="Url"/>, or null.</summary>
    public int? Port => Url is null ? null : new Uri(Url).Port;
}

/// <summary>
/// Metrics in Prometheus' text format, exported with OpenTelemetry: what ASP.NET Core and Kestrel already measure
/// (requests by route, method and status with their latency, connections), the runtime's (GC, heap, thread pool), and
/// Paperboy's own meters (<c>Paperboy.*</c>: imports, the outbox, the search index, job leases).
/// </summary>
public static class MetricsSetup
{
    const string JobsMeter = "Paperboy.Jobs";

    public static void AddPaperboyMetrics(this WebApplicationBuilder builder, bool serving)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!config.GetValue<bool>(MetricsOptions.Section + ":Enabled")) return;
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime", "System.Net.Http")
            .AddMeter(ImportMetrics.MeterName, OutboxMetrics.MeterName, EmbeddingMetrics.MeterName, OutputCacheMetrics.MeterName, JobsMeter)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        // A separate address is one more URL for Kestrel, beside those the operator gave (--urls, ASPNETCORE_URLS or
        // ASPNETCORE_HTTP_PORTS; else ASP.NET Core's default).
        if (serving && config[MetricsOptions.Section + ":Url"] is { Length: > 0 } url)
        {
            var own = config["urls"] is { Length: > 0 } urls ? urls
                : config["http_ports"] is { Length: > 0 } ports ? string.Join(';', ports.Split(';').Select(p => $"http://*:{p}"))
                : "http://localhost:5000";
            builder.WebHost.UseUrls($"{own};{url}");
        }
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        if (!options.Enabled) return app;
        // The instruments that observe a value exist once their owner does: create them now, not at their first use.
        app.Services.GetRequiredService<ImportMetrics>();
        app.Services.GetRequiredService<OutboxMetrics>();
        app.Services.GetRequiredService<EmbeddingMetrics>();
        app.Services.GetRequiredService<OutputCacheMetrics>();
        var leases = app.Services.GetRequiredService<JobLeases>();
        System.Diagnostics.Metrics.MeterFactoryExtensions.Create(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), JobsMeter)
            .CreateObservableGauge("paperboy.jobs.leases_held", () => leases.HeldHere, "{lease}", "Scheduled jobs' leases this instance holds (it is running them).");
        var scrape = app.MapPrometheusScrapingEndpoint(options.Path);
        if (options.Port is { } port) scrape.RequireHost($"*:{port}");
        return app;
    }

    /// <summary>
    /// On the metrics address, nothing but the metrics (it is meant for a private network, the hub for everyone): first
    /// in the pipeline, before static files and pages.
    /// </summary>
    public static WebApplication UseMetricsAddress(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        if (options is { Enabled: true, Port: { } port })
            app.Use((ctx, next) => ctx.Connection.LocalPort == port && ctx.Request.Path != options.Path
                ? Results.NotFound().ExecuteAsync(ctx) : next());
        return app;
    }
}
