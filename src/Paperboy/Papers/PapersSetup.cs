using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Paperboy.Papers.Authors;
using Paperboy.Papers.Following;
using Paperboy.Papers.Lists;
using Paperboy.Papers.Orgs;
using Paperboy.Papers.Trending;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Papers;

/// <summary>The daily lists, trending and single papers: services, and every route of the feature in one table.</summary>
public static class PapersSetup
{
    /// <summary>The output-cache policy of list pages: varied by the data version, so a change shows on the next request.</summary>
    public const string CachePolicy = "lists";

    public static IServiceCollection AddPapers(this IServiceCollection services)
    {
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Rendered list pages and feeds, keyed by the data version: a change made here shows on the next request.
        // The default policy already skips signed-in requests and responses that set cookies.
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<FeedOptions>, DataVersion>((o, feed, version) =>
            o.AddPolicy(CachePolicy, b => b.Expire(feed.Value.CacheLifetime)
                .VaryByValue(_ => new KeyValuePair<string, string>("data-version", version.Current.ToString(CultureInfo.InvariantCulture)))));
        services.AddSingleton<PeriodListCache>();
        services.AddScoped<FeaturedStore>();
        services.AddScoped<TrendingRanker>();
        services.AddScoped<PaperStore>();
        services.AddScoped<OrgStore>();
        services.AddScoped<FollowingFeed>();
        return services;
    }

    public static WebApplication MapPapers(this WebApplication app)
    {
        app.Services.GetRequiredService<DataVersion>().CountsDelay = app.Services.GetRequiredService<IOptions<FeedOptions>>().Value.CountsDelay;
        var pages = app.MapGroup("/papers").ExcludeFromDescription().CacheOutput(CachePolicy);
        // Lists differ between members only in their votes: members get one shared rendering with their own votes put in.
        var lifetime = app.Services.GetRequiredService<IOptions<FeedOptions>>().Value.CacheLifetime;
        pages.MapGet("", ListPages.LatestAsync).ShareWithMembers(lifetime);
        pages.MapGet("/date/{date}", ListPages.DayAsync).ShareWithMembers(lifetime);
        pages.MapGet("/week/{week}", ListPages.WeekAsync).ShareWithMembers(lifetime);
        pages.MapGet("/month/{month}", ListPages.MonthAsync).ShareWithMembers(lifetime);
        pages.MapGet("/feed.atom", AtomFeeds.LatestAsync);
        pages.MapGet("/date/{date}/feed.atom", AtomFeeds.DayAsync);
        pages.MapGet("/week/{week}/feed.atom", AtomFeeds.WeekAsync);
        pages.MapGet("/month/{month}/feed.atom", AtomFeeds.MonthAsync);
        // Scores decay slowly: a few seconds' cache is invisible, and a vote shows within a second (the data version moves).
        pages.MapGet("/trending", TrendingEndpoints.PageAsync).ShareWithMembers(lifetime);
        pages.MapGet("/trending/feed.atom", TrendingEndpoints.FeedAsync);
        app.MapGet("/about", TrendingEndpoints.About).ExcludeFromDescription();
        // Signed-in readers only, so never from the output cache (a literal route: the paper catch-all below does not take it).
        app.MapGet("/papers/following", FollowingEndpoints.PageAsync).ExcludeFromDescription();
        var orgs = app.MapGroup("/orgs").ExcludeFromDescription().CacheOutput(CachePolicy);
        orgs.MapGet("/{name}", OrgEndpoints.PageAsync);
        orgs.MapGet("/{name}/feed.atom", OrgEndpoints.FeedAsync);
        app.MapGet("/authors/{name}", AuthorEndpoints.PageAsync).ExcludeFromDescription().CacheOutput(CachePolicy);

        // The API's lists and papers too: an anonymous answer is the same for everyone (a token bypasses the cache).
        app.MapGet("/api/daily_papers", DailyPapersApi.ListAsync).CacheOutput(CachePolicy)
            .WithName("ListDailyPapers").WithTags("Daily papers").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Featured papers in Hugging Face's shape")
            .WithDescription("One of date (YYYY-MM-DD), week (YYYY-Www) or month (YYYY-MM), or none for every day; " +
                             "p is the page (from 0), limit 1 to 100 (default 50), sort upvotes (default with a period: hf.co's order), " +
                             "publishedAt (default without one: newest first) or trending, " +
                             "submitter the user name that featured the paper.");
        app.MapGet("/api/papers/trending", TrendingEndpoints.ListAsync).CacheOutput(CachePolicy).WithTags("Community");

        PaperRoutes.Map(app, "GET", "/api/papers/{id}/cite", PaperCitation.CiteAsync, e => e.CacheOutput(CachePolicy).WithTags("Papers"));

        // Catch-all: old-style ids have a slash (hep-th/9901001). Literal routes (/papers/date/...) take precedence.
        app.MapGet("/papers/{**id}", PaperPages.ShowAsync).CacheOutput(CachePolicy).ExcludeFromDescription();
        app.MapGet("/api/papers/{**id}", PapersApi.FindAsync).CacheOutput(CachePolicy)
            .WithName("GetPaper").WithTags("Papers").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One paper in Hugging Face's flat shape")
            .WithDescription("id is an arXiv id, new style (2409.01234) or old style (hep-th/9901001), with or without a version.");
        return app;
    }
}
