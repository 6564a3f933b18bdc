using Paperboy.Storage;

namespace Paperboy.Search;

public static class SearchSetup
{
    public static IServiceCollection AddPaperboySearch(this IServiceCollection services, bool serving)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        services.AddOptions<KeywordIndexOptions>().BindConfiguration(KeywordIndexOptions.Section);
        services.AddScoped<IKeywordIndex>(sp => sp.GetRequiredService<StorageConnection>().IsPostgres
            ? new PostgresKeywordIndex(sp.GetRequiredService<PaperboyDb>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeywordIndexOptions>>().Value)
            : new SqliteKeywordIndex(sp.GetRequiredService<PaperboyDb>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeywordIndexOptions>>().Value));
        services.AddScoped<EmbeddingStore>();
        services.AddScoped<PaperSearch>();
        services.AddSingleton<VectorIndex>();
        services.AddSingleton<EmbedderProvider>();
        services.AddSingleton<EmbeddingProgress>();
        services.AddSingleton<EmbeddingBackfill>();
        if (serving) services.AddHostedService<EmbeddingService>();
        if (serving) services.AddHostedService<SqliteKeywordIndexService>();
        return services;
    }
}
