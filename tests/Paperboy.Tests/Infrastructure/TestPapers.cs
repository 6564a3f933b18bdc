using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Storage;

namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// Arranges papers and daily lists by inserting rows directly (the importers are tested on their own), then bumps
/// the data version the way any writer must, so cached lists show the new rows.
/// </summary>
public static class TestPapers
{
    static readonly DateTime Published = new(2026, 8, 20, 17, 0, 0, DateTimeKind.Utc);

    public static Paper Paper(string id, string title, int upvotes = 0, params string[] authors) => new()
    {
        Id = id, Title = title, Abstract = $"Abstract of {title}.", Authors = authors.Length > 0 ? [.. authors] : ["Ada Lovelace"],
        Categories = ["cs.LG"], PublishedAt = Published, UpdatedAt = Published, ImportedUpvotes = upvotes, CreatedAt = DateTime.UtcNow,
    };

    /// <summary>Stores the papers and features them on <paramref name="day"/>, in the given order.</summary>
    public static async Task FeatureAsync(this PaperboyFactory app, DateOnly day, params Paper[] papers)
    {
        await app.WithDbAsync(async db =>
        {
            var at = day.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc);
            foreach (var paper in papers)
            {
                db.Add(paper);
                db.Add(new FeaturedPaper { PaperId = paper.Id, Day = day, FeaturedAt = at, Source = FeaturedSource.Curator, SubmittedBy = "curator", SubmittedByName = "Cora Curator" });
                at = at.AddMinutes(1);
            }
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<DataVersion>().Bump();
    }

    /// <summary>Stores one recorded HF day (<c>hf-daily-papers/DAY.json</c>) as an import would, and returns its entries.</summary>
    public static async Task<JsonElement[]> LoadHfDayAsync(this PaperboyFactory app, string day)
    {
        var entries = JsonDocument.Parse(await File.ReadAllBytesAsync(SharedData.PathOf("hf-daily-papers", $"{day}.json"))).RootElement.EnumerateArray().ToArray();
        await app.WithDbAsync(async db =>
        {
            foreach (var (entry, position) in entries.Select((e, i) => (e, i + 1)))
            {
                var (paper, featured) = FromHf(entry);
                featured.PublishedAt = entry.GetProperty("publishedAt").GetDateTime().ToUniversalTime();
                featured.HfPosition = position;
                db.Add(paper);
                db.Add(featured);
            }
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<DataVersion>().Bump();
        return entries;
    }

    static (Paper, FeaturedPaper) FromHf(JsonElement entry)
    {
        var p = entry.GetProperty("paper");
        string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var published = p.GetProperty("publishedAt").GetDateTime().ToUniversalTime();
        var onDaily = p.GetProperty("submittedOnDailyAt").GetDateTime().ToUniversalTime();
        var by = p.TryGetProperty("submittedOnDailyBy", out var u) ? u : default;
        var paper = new Paper
        {
            Id = p.GetProperty("id").GetString()!, Title = p.GetProperty("title").GetString()!, Abstract = p.GetProperty("summary").GetString()!,
            Authors = p.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList(),
            PublishedAt = published, UpdatedAt = published, CreatedAt = DateTime.UtcNow,
            ImportedUpvotes = p.GetProperty("upvotes").GetInt32(), ImportedComments = entry.GetProperty("numComments").GetInt32(),
            GithubRepo = Str(p, "githubRepo"), ProjectPage = Str(p, "projectPage"), AiSummary = Str(p, "ai_summary"), Thumbnail = Str(entry, "thumbnail"),
            GithubStars = p.TryGetProperty("githubStars", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null,
            AiKeywords = p.TryGetProperty("ai_keywords", out var k) ? k.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
        };
        var featured = new FeaturedPaper
        {
            PaperId = paper.Id, Day = DateOnly.FromDateTime(onDaily), FeaturedAt = onDaily, Source = FeaturedSource.HfImport,
            SubmittedBy = by.ValueKind == JsonValueKind.Object ? Str(by, "name") : null,
            SubmittedByName = by.ValueKind == JsonValueKind.Object ? Str(by, "fullname") : null,
        };
        return (paper, featured);
    }
}
