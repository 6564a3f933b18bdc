using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest.HfDaily;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Papers.Lists;

/// <summary>
/// <c>/api/daily_papers</c> against HF's own answers (the recorded days in <c>hf-daily-papers/</c>), imported by the real
/// importer and asked through the real API: what an HF client would see here and on hf.co.
/// </summary>
public abstract class HfCompatibilityTests(Engine engine)
{
    static readonly string Folder = SharedData.PathOf("hf-daily-papers");

    [Fact]
    public async Task EveryRecordedDayIsListedInHfsOrderWhenNoSortIsGiven()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportAsync(app, Folder);
        var client = app.CreateClient();
        var days = RecordedDays().ToList();
        // A paper on two days is featured once, on the first (HfDailyImportTests), with the votes of the later list, which
        // HF recorded later: on the first day it stands by its newer count, so only its presence is compared there.
        var twice = days.SelectMany(d => d.Entries.Select(Id)).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        var wrong = new List<string>();

        foreach (var (day, entries) in days)
        {
            var expected = entries.Select(Id).Where(id => !earlier.Contains(id)).ToList();
            earlier.UnionWith(entries.Select(Id));
            var ids = (await GetAsync(client, $"/api/daily_papers?date={day}&limit=100")).Select(Id).ToList();
            if (!ids.Order().SequenceEqual(expected.Order()) || !ids.Except(twice).SequenceEqual(expected.Except(twice)))
                wrong.Add($"{day}: HF {string.Join(" ", expected)}; here {string.Join(" ", ids)}");
        }

        Assert.True(days.Count > 500, $"only {days.Count} recorded days could be read");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {days.Count} days in another order than HF's:\n{string.Join("\n", wrong.Take(5))}");
    }

    /// <summary>Days of each shape HF's answers went through: 2024 (mediaUrl, no submitter), 2025 (submitters, code), 2026 (everything).</summary>
    [Theory]
    [InlineData("2024-06-10")]
    [InlineData("2025-03-19")]
    [InlineData("2025-09-15")]
    [InlineData("2026-08-21")]
    public async Task ARecordedDayAnswersEveryFieldWeClaimAsHfDoes(string day)
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var file = Path.Combine(Folder, $"{day}.json");
        await ImportAsync(app, file);
        var recorded = JsonDocument.Parse(await File.ReadAllBytesAsync(file)).RootElement.EnumerateArray().ToList();

        var answer = await GetAsync(app.CreateClient(), $"/api/daily_papers?date={day}");

        Assert.Equal(recorded.Select(Id), answer.Select(Id));
        foreach (var (want, got) in recorded.Zip(answer))
        {
            AssertFields(want, got, Id(want), "publishedAt", "title", "summary", "mediaUrls", "thumbnail", "numComments", "isAuthorParticipating");
            AssertObject(want, got, Id(want), "submittedBy", "name", "user", "fullname");
            AssertObject(want, got, Id(want), "organization", "name", "fullname", "avatar");
            var (wp, gp) = (want.GetProperty("paper"), got.GetProperty("paper"));
            AssertFields(wp, gp, Id(want), "id", "publishedAt", "submittedOnDailyAt", "title", "summary", "upvotes", "discussionId", "projectPage",
                "githubRepo", "githubRepoAddedBy", "ai_summary", "ai_keywords", "ai_summary_model", "githubStars");
            AssertObject(wp, gp, Id(want), "submittedOnDailyBy", "name", "user", "fullname");
            AssertObject(wp, gp, Id(want), "organization", "name", "fullname", "avatar");
            Assert.Equal(wp.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()),
                gp.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        }
    }

    [Fact]
    public async Task TheEntrysOwnPublishedAtAndAuthorParticipationAreServedNotThePapers()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportAsync(app, Path.Combine(Folder, "2026-08-21.json"));

        var entry = (await GetAsync(app.CreateClient(), "/api/daily_papers?date=2026-08-21")).Single(e => Id(e) == "2608.18580");

        Assert.Equal("2026-08-18T20:00:00.000Z", entry.GetProperty("publishedAt").GetString());
        Assert.NotEqual(entry.GetProperty("publishedAt").GetString(), entry.GetProperty("paper").GetProperty("publishedAt").GetString());
        Assert.True(entry.GetProperty("isAuthorParticipating").GetBoolean());
    }

    [Fact]
    public async Task ReimportingADayRefreshesWhatHfSaysOfTheEntry()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var days = new TempFolder().With(Path.Combine(Folder, "2026-08-21.json"));
        var path = days.File("2026-08-21.json");
        await ImportAsync(app, path);
        var text = await File.ReadAllTextAsync(path);
        // As HF would answer later in the day: an author joined the discussion of the first paper, and no longer of the second.
        var edited = JsonDocument.Parse(text).RootElement.EnumerateArray().Select((e, i) =>
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(e.GetRawText())!;
            if (i < 2) node["isAuthorParticipating"] = i == 0;
            return node;
        }).ToList();
        await File.WriteAllTextAsync(path, new System.Text.Json.Nodes.JsonArray([.. edited]).ToJsonString());

        await ImportAsync(app, path);
        var answer = await GetAsync(app.CreateClient(), "/api/daily_papers?date=2026-08-21");

        Assert.True(answer.Single(e => Id(e) == "2608.19880").GetProperty("isAuthorParticipating").GetBoolean());
        Assert.False(answer.Single(e => Id(e) == "2608.18580").GetProperty("isAuthorParticipating").GetBoolean());
    }

    [Fact]
    public async Task AMediaUrlThatIsNotHttpIsLeftOut()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        using var days = new TempFolder().With(Path.Combine(Folder, "2026-08-21.json"));
        var path = days.File("2026-08-21.json");
        var entries = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsArray();
        entries[0]!["mediaUrls"] = new System.Text.Json.Nodes.JsonArray("javascript:alert(1)", "https://cdn.example.org/a.png", "/relative.png");
        entries[0]!["organization"]!["avatar"] = "data:image/png;base64,AAAA";
        entries[0]!["paper"]!["organization"]!["avatar"] = "data:image/png;base64,AAAA";
        await File.WriteAllTextAsync(path, entries.ToJsonString());

        await ImportAsync(app, path);
        var entry = (await GetAsync(app.CreateClient(), "/api/daily_papers?date=2026-08-21")).Single(e => Id(e) == "2608.19880");

        Assert.Equal(["https://cdn.example.org/a.png"], entry.GetProperty("mediaUrls").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("""{"name":"google","fullname":"Google"}""", entry.GetProperty("organization").GetRawText());
    }

    internal static IEnumerable<(string Day, List<JsonElement> Entries)> RecordedDays()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var root = JsonDocument.Parse(File.ReadAllBytes(file)).RootElement;
            // The Python-repr days and the wrapped day are unusable as a whole (HfDailyImportTests): nothing to compare.
            if (root.ValueKind != JsonValueKind.Array || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object)) continue;
            yield return (Path.GetFileNameWithoutExtension(file), root.EnumerateArray().ToList());
        }
    }

    static string Id(JsonElement entry) => entry.GetProperty("paper").GetProperty("id").GetString()!;

    /// <summary>
    /// Fields this hub always answers, where HF's older lists left them out: the entry's summary and author flag, the day
    /// it went on the list (the list's own day), and the thumbnail (HF's older <c>mediaUrl</c>).
    /// </summary>
    static readonly HashSet<string> AlwaysAnswered = ["summary", "isAuthorParticipating", "submittedOnDailyAt", "thumbnail"];

    static void AssertFields(JsonElement want, JsonElement got, string id, params string[] fields)
    {
        foreach (var field in fields)
        {
            var (w, g) = (Canonical(want, field), Canonical(got, field));
            if (w is null && AlwaysAnswered.Contains(field)) continue;
            Assert.True(w == g, $"{id} {field}: HF {w ?? "(absent)"}, here {g ?? "(absent)"}");
        }
    }

    /// <summary>The object is there when HF's is, and each of the fields HF gives in it is equal (HF renamed some over time).</summary>
    static void AssertObject(JsonElement want, JsonElement got, string id, string name, params string[] fields)
    {
        var (w, g) = (want.TryGetProperty(name, out var a) ? a : default, got.TryGetProperty(name, out var b) ? b : default);
        Assert.True(w.ValueKind == g.ValueKind, $"{id} {name}: HF {w.ValueKind}, here {g.ValueKind}");
        if (w.ValueKind == JsonValueKind.Object) AssertFields(w, g, $"{id} {name}", [.. fields.Where(f => w.TryGetProperty(f, out _))]);
    }

    /// <summary>
    /// A field's value as text that compares equal when the JSON values are equal, escaping aside and with runs of white
    /// space as one space (the importer cleans imported text so: arXiv's hard line breaks, doubled spaces); null when absent.
    /// </summary>
    /// <remarks>
    /// An empty string in a list (HF's <c>ai_keywords</c> of 2509.10147 is <c>[""]</c>) is not kept, and an empty list is no list.
    /// </remarks>
    static string? Canonical(JsonElement e, string field) => !e.TryGetProperty(field, out var v) ? null
        : v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(i.GetString())) ? null
        : Canonical(v);

    static string Canonical(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => JsonSerializer.Serialize(System.Text.RegularExpressions.Regex.Replace(v.GetString()!, @"\s+", " ").Trim()),
        JsonValueKind.Array => "[" + string.Join(",", v.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.Object => "{" + string.Join(",", v.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}:{Canonical(p.Value)}")) + "}",
        _ => v.GetRawText(),
    };

    static async Task<List<JsonElement>> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
    }

    static async Task ImportAsync(PaperboyFactory app, string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<HfDailyImporter>().ImportFilesAsync([path], null, CancellationToken.None);
        Assert.Null(summary.Error);
    }
}

public sealed class SqliteHfCompatibilityTests() : HfCompatibilityTests(Engine.Sqlite);
public sealed class PostgresHfCompatibilityTests() : HfCompatibilityTests(Engine.Postgres);
