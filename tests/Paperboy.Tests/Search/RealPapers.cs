using System.Text.Json;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Search;

/// <summary>Real papers from recorded HF days (../shared/data/hf-daily-papers), as rows to insert.</summary>
public static class RealPapers
{
    /// <summary>The papers of the given days, in file order, each a fresh entity.</summary>
    public static List<Paper> FromDays(params string[] days)
    {
        var papers = new List<Paper>();
        foreach (var day in days)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("hf-daily-papers", day + ".json")));
            foreach (var entry in doc.RootElement.EnumerateArray())
            {
                var p = entry.GetProperty("paper");
                var published = p.GetProperty("publishedAt").GetDateTime().ToUniversalTime();
                papers.Add(new Paper
                {
                    Id = p.GetProperty("id").GetString()!,
                    Title = Flat(p.GetProperty("title").GetString()!),
                    Abstract = Flat(p.GetProperty("summary").GetString()!),
                    Authors = p.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList(),
                    Categories = ["cs.CL"],
                    ImportedUpvotes = p.GetProperty("upvotes").GetInt32(),
                    PublishedAt = published, UpdatedAt = published, CreatedAt = DateTime.UtcNow,
                });
            }
        }
        return papers;
    }

    /// <summary>The recorded days from <paramref name="from"/> to <paramref name="to"/> that hold a plain list of papers.</summary>
    public static string[] Days(DateOnly from, DateOnly to) =>
        Directory.GetFiles(SharedData.PathOf("hf-daily-papers"), "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Where(d => DateOnly.TryParse(d, out var day) && day >= from && day <= to && !Wrapped(d)).Order().ToArray();

    /// <summary>Days recorded in another shape (Python-repr strings, or an object around the list), see ../shared/data/README.md.</summary>
    static bool Wrapped(string day)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("hf-daily-papers", day + ".json")));
        return doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object);
    }

    static string Flat(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static async Task InsertAsync(PaperboyFactory app, IEnumerable<Paper> papers) => await app.WithDbAsync(async db =>
    {
        db.AddRange(papers);
        await db.SaveChangesAsync();
    });
}
