using Paperboy.Search.Keyword;
using Paperboy.Search.Meaning;
using Paperboy.Storage;

namespace Paperboy.Search;

public static class SearchSetup
{
    public static IServiceCollection AddPaperboySearch(this IServiceCollection services, bool serving)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KeywordIndexOptions>().BindConfiguration(KeywordIndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IKeywordIndex>(sp =>
        {
            var (db, keyword) = (sp.GetRequiredService<PaperboyDb>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeywordIndexOptions>>().Value);
            return sp.GetRequiredService<StorageConnection>().IsPostgres ? new PostgresKeywordIndex(db, keyword) : new SqliteKeywordIndex(db, keyword);
        });
        services.AddScoped<EmbeddingStore>();
        services.AddScoped<PaperSearch>();
        services.AddSingleton<VectorIndex>();
        services.AddSingleton<EmbedderProvider>();
        services.AddSingleton<EmbeddingProgress>();
        services.AddSingleton<EmbeddingMetrics>();
        services.AddSingleton<EmbeddingBackfill>();
        if (serving) services.AddHostedService<EmbeddingService>();
        if (serving) services.AddHostedService<SqliteKeywordIndexService>();
        return services;
    }
}
