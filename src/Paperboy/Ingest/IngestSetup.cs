using Paperboy.Ingest.Arxiv;
using Paperboy.Ingest.HfDaily;
using Paperboy.Ingest.Schedules;
using Paperboy.Ingest.Writing;

namespace Paperboy.Ingest;

public static class IngestSetup
{
    const string UserAgent = "Paperboy/1.0 (self-hosted daily-papers hub)";

    /// <summary>The importers (used by the CLI verbs and the schedules) and, when serving, the schedules.</summary>
    public static IServiceCollection AddPaperboyIngest(this IServiceCollection services, bool serving)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HfDailyOptions>().BindConfiguration(HfDailyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ArxivOptions>().BindConfiguration(ArxivOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PaperUpserter>();
        services.AddSingleton<ImportRuns>();
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ImportMetrics>();
        services.AddSingleton<ArxivGate>();
        // The runs log one line each (ImportRunner); the clients' per-request log lines would bury it.
        services.AddHttpClient<HfDailyClient>(Configure).RemoveAllLoggers();
        // arXiv: one connection per host (and the gate: one request at a time, 3 s apart).
        services.AddHttpClient<ArxivApiClient>(Configure).ConfigurePrimaryHttpMessageHandler(OneConnection).RemoveAllLoggers();
        services.AddHttpClient<OaiPmhHarvester>(Configure).ConfigurePrimaryHttpMessageHandler(OneConnection).RemoveAllLoggers();
        services.AddTransient<HfDailyImporter>();
        services.AddTransient<ArxivApiImporter>();
        services.AddTransient<SnapshotImporter>();
        if (serving)
        {
            services.AddHostedService<HfDailySchedule>();
            services.AddHostedService<ArxivCategoriesSchedule>();
        }
        else
        {
            // The CLI prints its own one-line outcome; the importers' log lines are for the server's log.
            services.Configure<LoggerFilterOptions>(o => o.AddFilter(typeof(ImportRunner).Namespace, LogLevel.Error));
        }
        return services;
    }

    static void Configure(HttpClient http)
    {
        http.Timeout = TimeSpan.FromSeconds(60);
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    static HttpMessageHandler OneConnection() => new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}
