using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Paperboy.Cli;
using Paperboy.Community;
using Paperboy.Digest;
using Paperboy.Discovery;
using Paperboy.Ingest;
using Paperboy.Mail;
using Paperboy.Operations;
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
            // The stylesheet comes from the program's own folder, wherever it is started from (the build copies wwwroot
            // there); without it the working directory would be the content root and every page unstyled.
            WebRootPath = OwnWebRoot(),
        });
        AddServices(builder, serving: !isVerb);
        var app = builder.Build();
        try
        {
            if (isVerb)
            {
                // The server validates every settings section when it starts; a verb starts no host, so it asks here.
                app.Services.GetService<IStartupValidator>()?.Validate();
                return await CliVerbs.RunAsync(app, args);
            }
            MapRoutes(app);
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (SettingsProblem(e) is { } problem)
        {
            Console.Error.WriteLine($"error: {problem}");
            return 2;
        }
    }

    /// <summary>A bad setting as one line (every failed check of every section), or null when <paramref name="e"/> is something else.</summary>
    static string? SettingsProblem(Exception e) => e switch
    {
        OptionsValidationException o => string.Join("; ", o.Failures.Select(Readable)),
        AggregateException a when a.InnerExceptions.All(i => i is OptionsValidationException) =>
            string.Join("; ", a.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures).Select(Readable)),
        _ => null,
    };

    /// <summary>
    /// A data-annotation failure names the options class and member; an operator sets <c>Paperboy:Section:Member</c>, so
    /// say that (each options class declares its <c>Section</c>). Messages that already name the setting stay as they are.
    /// </summary>
    static string Readable(string failure)
    {
        var m = Regex.Match(failure, @"^DataAnnotation validation failed for '(\w+)' members: '(\w+)' with the error: '(.*)'\.$");
        if (!m.Success) return failure;
        var message = m.Groups[3].Value;
        if (message.StartsWith("Paperboy:", StringComparison.Ordinal)) return message;
        var section = typeof(PaperboyApp).Assembly.GetTypes().FirstOrDefault(t => t.Name == m.Groups[1].Value)?
            .GetField("Section")?.GetRawConstantValue() as string;
        return section is null ? message : $"{section}:{m.Groups[2].Value}: {message}";
    }

    static string? OwnWebRoot() => Path.Combine(AppContext.BaseDirectory, "wwwroot") is var own && Directory.Exists(own) ? own : null;

    public static void AddServices(WebApplicationBuilder builder, bool serving)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        if (!serving) builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Paperboy__Logging__Json=true: one JSON object per line, with the scopes that name the request (RequestId,
        // RequestPath) or the scheduled job (Job) a line belongs to, for log collectors.
        if (config.GetValue<bool>("Paperboy:Logging:Json"))
            builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
        services.AddPaperboyStorage();
        services.AddPaperboyWeb();
        services.AddPaperboyMail();
        if (serving) services.AddHostedService<MigrateOnStart>();
        if (serving) services.AddHostedService(sp => sp.GetRequiredService<ClusterSignals>()); // hears the other instances
        // Features: each registers its own services.
        services.AddCommunity();
        services.AddPaperboyIngest(serving);
        services.AddPapers();
        services.AddDigest(serving);
        services.AddDiscovery();
        services.AddPaperboySearch(serving);
        services.AddPaperboyHealth();
        builder.AddPaperboyMetrics(serving);
    }

    public static void MapRoutes(WebApplication app)
    {
        app.UseMetricsAddress();
        app.UsePaperboyWeb();
        // Features: each maps its own routes.
        app.MapCommunity();
        app.MapPapers();
        app.MapDigest();
        app.MapDiscovery();
        app.MapSearch();
        app.MapHealth();
        app.MapAdmin();
        app.MapMetrics();
    }
}
