using Paperboy.Cli;
using Paperboy.Community;
using Paperboy.Feed;
using Paperboy.Digest;
using Paperboy.Ingest;
using Paperboy.Mail;
using Paperboy.Papers;
using Paperboy.Search;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy;

public static class PaperboyApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var isVerb = args.Length > 0 && args[0] != "serve" && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?" or "--version");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Verbs take their own options; only the server reads --urls and friends from the command line.
            Args = isVerb ? [] : args.Where(a => a != "serve").ToArray(),
        });
        AddServices(builder, serving: !isVerb);
        var app = builder.Build();
        if (isVerb) return await CliVerbs.RunAsync(app, args);
        MapRoutes(app);
        await app.RunAsync();
        return 0;
    }

    public static void AddServices(WebApplicationBuilder builder, bool serving)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        if (!serving) builder.Logging.SetMinimumLevel(LogLevel.Warning);
        services.AddPaperboyStorage();
        services.AddPaperboyWeb();
        services.AddPaperboyMail();
        if (serving) services.AddHostedService<MigrateOnStart>();
        // Features: each registers its own services.
        services.AddCommunity();
        services.AddPaperboyIngest(serving);
        services.AddPapers();
        services.AddFeed();
        services.AddDigest(serving);
        services.AddPaperboySearch(serving);
    }

    public static void MapRoutes(WebApplication app)
    {
        app.UsePaperboyWeb();
        // Features: each maps its own routes.
        app.MapCommunity();
        app.MapPapers();
        app.MapFeed();
        app.MapDigest();
        app.MapSearch();
    }
}
