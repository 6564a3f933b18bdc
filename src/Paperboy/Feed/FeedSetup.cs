using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Paperboy.Feed;

/// <summary>The daily lists: services, and every route of the feature in one table.</summary>
public static class FeedSetup
{
    /// <summary>The output-cache policy of list pages: varied by the data version, so a change shows on the next request.</summary>
    public const string CachePolicy = "lists";

    public static IServiceCollection AddFeed(this IServiceCollection services)
    {
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section);
        services.AddMemoryCache();
        // Rendered list pages and feeds, keyed by the data version: a change made here shows on the next request.
        // The default policy already skips signed-in requests and responses that set cookies.
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<FeedOptions>, DataVersion>((o, feed, version) =>
            o.AddPolicy(CachePolicy, b => b.Expire(feed.Value.CacheLifetime)
                .VaryByValue(_ => new KeyValuePair<string, string>("data-version", version.Current.ToString(CultureInfo.InvariantCulture)))));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DataVersion>();
        services.AddSingleton<IInterceptor, DataVersionInterceptor>();
        services.AddSingleton<PeriodListCache>();
        services.AddScoped<FeaturedStore>();
        return services;
    }

    public static WebApplication MapFeed(this WebApplication app)
    {
        var pages = app.MapGroup("/papers").ExcludeFromDescription().CacheOutput(CachePolicy);
        pages.MapGet("", ListPages.LatestAsync);
        pages.MapGet("/date/{date}", ListPages.DayAsync);
        pages.MapGet("/week/{week}", ListPages.WeekAsync);
        pages.MapGet("/month/{month}", ListPages.MonthAsync);
        pages.MapGet("/feed.atom", AtomFeeds.LatestAsync);
        pages.MapGet("/date/{date}/feed.atom", AtomFeeds.DayAsync);
        pages.MapGet("/week/{week}/feed.atom", AtomFeeds.WeekAsync);
        pages.MapGet("/month/{month}/feed.atom", AtomFeeds.MonthAsync);

        app.MapGet("/api/daily_papers", DailyPapersApi.ListAsync)
            .WithName("ListDailyPapers").WithTags("Daily papers").ProducesValidationProblem()
            .WithSummary("Featured papers in Hugging Face's shape")
            .WithDescription("One of date (YYYY-MM-DD), week (YYYY-Www) or month (YYYY-MM), or none for every day; " +
                             "p is the page (from 0), limit 1 to 100 (default 50), sort publishedAt (default) or upvotes, " +
                             "submitter the user name that featured the paper.");
        return app;
    }
}
