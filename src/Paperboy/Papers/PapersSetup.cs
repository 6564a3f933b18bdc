namespace Paperboy.Papers;

/// <summary>Single papers: services, and every route of the feature in one table.</summary>
public static class PapersSetup
{
    public static IServiceCollection AddPapers(this IServiceCollection services)
    {
        services.AddScoped<PaperStore>();
        return services;
    }

    public static WebApplication MapPapers(this WebApplication app)
    {
        // Catch-all: old-style ids have a slash (hep-th/9901001). Literal routes (/papers/date/...) take precedence.
        app.MapGet("/papers/{**id}", PaperPages.ShowAsync).ExcludeFromDescription();
        app.MapGet("/api/papers/{**id}", PapersApi.FindAsync)
            .WithName("GetPaper").WithTags("Papers").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One paper in Hugging Face's flat shape")
            .WithDescription("id is an arXiv id, new style (2409.01234) or old style (hep-th/9901001), with or without a version.");
        return app;
    }
}
