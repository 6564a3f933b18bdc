using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Paperboy.Digest;

public static class DigestSetup
{
    public static IServiceCollection AddDigest(this IServiceCollection services, bool serving)
    {
        // The schedule runs only in the server, not in CLI verbs.
        if (serving) services.AddHostedService<DigestWorker>();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Web.SiteOptions>().BindConfiguration(Web.SiteOptions.Section);
        services.AddSingleton<Storage.DigestKeyStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Storage.JobLeases>();
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<WatchlistMatcher>();
        services.AddSingleton<DigestInputs>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<OutboxSender>();
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
