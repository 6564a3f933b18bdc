using Microsoft.Extensions.Configuration;
using Paperboy.Papers;
using Paperboy.Storage;

namespace Paperboy.Bench;

/// <summary>The real app's services (no web server) on a fresh SQLite file, for benchmarks.</summary>
public static class BenchHost
{
    public static async Task<WebApplication> StartAsync(string dataDir, string model, bool fresh)
    {
        if (fresh && Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        Directory.CreateDirectory(dataDir);
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Paperboy:DataDir"] = dataDir,
            ["Paperboy:Search:Model"] = model,
            ["Paperboy:Search:Backfill"] = "false",
        });
        Paperboy.PaperboyApp.AddServices(builder, serving: false);
        var app = builder.Build();
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        return app;
    }

    public static async Task InsertAsync(WebApplication app, IEnumerable<EvalPaper> corpus)
    {
        foreach (var chunk in corpus.Chunk(2000))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
            db.AddRange(chunk.Select(ToPaper));
            await db.SaveChangesAsync();
        }
    }

    public static Paper ToPaper(EvalPaper p)
    {
        var published = DateTime.TryParse(p.Published, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
            ? d : new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return new Paper
        {
            Id = p.Id, Title = p.Title, Abstract = p.Abstract, Authors = p.Authors, Categories = p.Categories, ImportedUpvotes = p.Upvotes,
            PublishedAt = published, UpdatedAt = published, CreatedAt = DateTime.UtcNow,
        };
    }
}
