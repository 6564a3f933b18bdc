using Paperboy.Community;
using Paperboy.Web;

namespace Paperboy.Discovery;

/// <summary>"For you": services, and every route of the feature in one table.</summary>
public static class DiscoverySetup
{
    public static IServiceCollection AddDiscovery(this IServiceCollection services)
    {
        services.AddOptions<DiscoveryOptions>().BindConfiguration(DiscoveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Recommender>();
        services.AddScoped<FeedSecretStore>();
        services.AddScoped<IAccountSection, ForYouAccountSection>();
        return services;
    }

    public static WebApplication MapDiscovery(this WebApplication app)
    {
        // Literal routes: they win over the paper pages' catch-all /papers/{**id}. A reader's own list is never cached.
        app.MapGet(ForYouPage.Path, ForYouEndpoints.PageAsync).ExcludeFromDescription();
        app.MapGet(ForYouPage.Path + "/feed/{secret}", ForYouEndpoints.FeedAsync).ExcludeFromDescription();
        var forms = AntiforgeryCheck.FormPosts(app).ExcludeFromDescription();
        PaperRoutes.Map(forms, "POST", ForYouPage.Path + "/{id}/dismiss", ForYouEndpoints.DismissAsync);
        forms.MapPost(ForYouEndpoints.FeedLinkPath, ForYouEndpoints.FeedLinkAsync);

        var api = app.MapGroup("/api/recommendations").WithTags("Recommendations");
        api.MapGet("", RecommendationsApi.ListAsync).WithName("ListRecommendations").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Recent papers ranked for the signed-in reader, each with its reason")
            .WithDescription("limit 1 to 100 (default 20); since YYYY-MM-DD, the first publication day ranked (default: the last 14 days, Paperboy:Discovery:WindowDays).");
        PaperRoutes.Map(api, "DELETE", "/{id}", RecommendationsApi.DismissAsync, e => e.RequireAuthorization(CommunityApi.Member));
        PaperRoutes.Map(api, "POST", "/{id}/dismiss", RecommendationsApi.DismissAsync, e => e.RequireAuthorization(CommunityApi.Member));
        return app;
    }
}
