using Paperboy.Community;
using Paperboy.Digest.Outbox;
using Paperboy.Digest.Watchlists;

namespace Paperboy.Digest;

public static class DigestSetup
{
    public static IServiceCollection AddDigest(this IServiceCollection services, bool serving)
    {
        // The schedule runs only in the server, not in CLI verbs.
        if (serving)
        {
            services.AddHostedService<DigestSchedule>();
            services.AddHostedService<OutboxWorker>();
        }
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DigestKeyStore>();
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<WatchlistMatcher>();
        services.AddScoped<IAccountSection, WatchlistAccountSection>();
        services.AddSingleton<DigestInputs>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxKick>();
        services.AddSingleton<DigestRunner>();
        services.AddScoped<SubscriptionService>();
        return services;
    }

    public static WebApplication MapDigest(this WebApplication app)
    {
        SubscribeEndpoints.Map(app);
        ManageEndpoints.Map(app);
        PreviewEndpoints.Map(app);
        AccountWatchlistEndpoints.Map(app);
        return app;
    }
}
