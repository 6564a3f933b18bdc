using System.Globalization;
using System.Text.Json;
using Paperboy.Domain;

namespace Paperboy.Ingest.HfDaily;

/// <summary>
/// Reads HF's daily-papers JSON as it drifted over two years: <c>mediaUrl</c> then <c>thumbnail</c>/<c>mediaUrls</c>;
/// <c>ai_summary</c>, <c>ai_keywords</c>, <c>githubStars</c>, <c>organization</c> appearing later; <c>submittedOnDailyAt</c>
/// missing on early days (the list's own day stands in). A file that is not a bare array of entry objects
/// (Python-repr strings, a <c>{status,date,count,data}</c> wrapper, broken JSON) is unusable as a whole.
/// </summary>
public static class HfDailyParser
{
    /// <param name="listDay">The day the list was asked for (the file name or the query), used when an entry lacks <c>submittedOnDailyAt</c>.</param>
    public static HfDailyPage Parse(ReadOnlySpan<byte> json, DateOnly? listDay)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true }); }
        catch (JsonException e) { return HfDailyPage.Unusable($"not valid JSON ({e.Message})"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var count = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data.GetArrayLength() : 0;
                var keys = string.Join(", ", root.EnumerateObject().Select(p => p.Name));
                return HfDailyPage.Unusable($"entries wrapped in an object {{{keys}}} instead of HF's bare array; nothing imported from it", count);
            }
            if (root.ValueKind != JsonValueKind.Array)
                return HfDailyPage.Unusable($"expected an array of entries, found {root.ValueKind.ToString().ToLowerInvariant()}");
            var strings = root.EnumerateArray().Count(e => e.ValueKind == JsonValueKind.String);
            if (strings > 0)
                return HfDailyPage.Unusable(
                    $"{strings} of {root.GetArrayLength()} entries are strings (Python-repr dicts such as \"{{'paper': ...}}\"), not JSON objects; nothing imported from it",
                    root.GetArrayLength());
            var entries = new List<HfDailyEntry>();
            var rejected = new List<string>();
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                index++;
                if (TryParseEntry(item, listDay, index, out var entry, out var reason)) entries.Add(entry);
                else rejected.Add($"entry {index}: {reason}");
            }
            return new HfDailyPage(entries, rejected, null);
        }
    }

    /// <summary>
    /// A string that is well-formed JSON yet not text (bytes that are not UTF-8, an escaped lone surrogate such as
    /// <c>"\ud800"</c>) only fails when it is read: that entry is rejected, the others are not.
    /// </summary>
    static bool TryParseEntry(JsonElement e, DateOnly? listDay, int position, out HfDailyEntry entry, out string reason)
    {
        try { return ParseEntry(e, listDay, position, out entry, out reason); }
        catch (InvalidOperationException x)
        {
            entry = null!;
            reason = $"a string that is not text ({x.Message})";
            return false;
        }
    }

    static bool ParseEntry(JsonElement e, DateOnly? listDay, int position, out HfDailyEntry entry, out string reason)
    {
        entry = null!;
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("paper", out var p) || p.ValueKind != JsonValueKind.Object)
        {
            reason = "no \"paper\" object";
            return false;
        }
        var rawId = Str(p, "id");
        if (!ArxivId.TryParse(rawId, out var id))
        {
            reason = $"\"{rawId}\" is not an arXiv id";
            return false;
        }
        var title = TextClean.Whitespace(Str(p, "title") ?? Str(e, "title"));
        if (title.Length == 0)
        {
            reason = $"{id.Id} has no title";
            return false;
        }
        var published = Time(p, "publishedAt") ?? Time(e, "publishedAt") ?? DateTime.UnixEpoch;
        var onDaily = Time(p, "submittedOnDailyAt");
        var day = onDaily is { } d ? DateOnly.FromDateTime(d) : listDay ?? DateOnly.FromDateTime(Time(e, "publishedAt") ?? published);
        var submitter = Obj(e, "submittedBy") ?? Obj(p, "submittedOnDailyBy");
        var organization = Obj(p, "organization") ?? Obj(e, "organization");
        var paper = new PaperRecord
        {
            Id = id.Id,
            Version = id.Version,
            Title = title,
            Abstract = TextClean.Whitespace(Str(p, "summary") ?? Str(e, "summary")),
            Authors = p.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array
                ? [.. authors.EnumerateArray().Select(a => TextClean.Whitespace(Str(a, "name"))).Where(n => n.Length > 0)]
                : [],
            PublishedAt = published,
            UpdatedAt = published,
            ProjectPage = HttpLink.OrNull(Str(p, "projectPage")),
            GithubRepo = HttpLink.OrNull(Str(p, "githubRepo")),
            GithubStars = Int(p, "githubStars"),
            AiSummary = TextClean.WhitespaceOrNull(Str(p, "ai_summary")),
            AiKeywords = p.TryGetProperty("ai_keywords", out var kw) && kw.ValueKind == JsonValueKind.Array
                ? [.. kw.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => TextClean.Whitespace(k.GetString())).Where(k => k.Length > 0)]
                : null,
            Thumbnail = HttpLink.OrNull(Str(e, "thumbnail") ?? Str(e, "mediaUrl")),
            Organization = organization is { } o ? TextClean.WhitespaceOrNull(Str(o, "fullname") ?? Str(o, "name")) : null,
            ImportedUpvotes = Int(p, "upvotes") ?? 0,
            ImportedComments = Int(e, "numComments") ?? 0,
            ImportedListDay = listDay ?? day,
        };
        var featured = new FeaturedRecord(id.Id, day, onDaily ?? Time(e, "publishedAt") ?? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            submitter is { } s ? TextClean.WhitespaceOrNull(Str(s, "name") ?? Str(s, "user")) : null,
            submitter is { } n ? TextClean.WhitespaceOrNull(Str(n, "fullname")) : null)
        {
            Hf = Details(e, p, organization, position),
        };
        entry = new HfDailyEntry(paper, featured);
        reason = "";
        return true;
    }

    /// <summary>The entry's own fields (<c>mediaUrls</c> and <c>organization</c> appear on the entry, the paper, or both, alike).</summary>
    static HfEntryDetails Details(JsonElement e, JsonElement p, JsonElement? organization, int position) => new()
    {
        PublishedAt = Time(e, "publishedAt"),
        Position = position,
        DiscussionId = Str(p, "discussionId") is { } d && d.Length <= 64 && d.All(char.IsAsciiLetterOrDigit) ? d : null,
        MediaUrls = (Arr(e, "mediaUrls") ?? Arr(p, "mediaUrls")) is { } media
            ? [.. media.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => HttpLink.OrNull(m.GetString())).OfType<string>()]
            : [],
        GithubRepoAddedBy = TextClean.WhitespaceOrNull(Str(p, "githubRepoAddedBy")),
        AiSummaryModel = TextClean.WhitespaceOrNull(Str(p, "ai_summary_model")),
        IsAuthorParticipating = e.TryGetProperty("isAuthorParticipating", out var a) && a.ValueKind == JsonValueKind.True,
        OrganizationName = organization is { } o ? TextClean.WhitespaceOrNull(Str(o, "name")) : null,
        OrganizationAvatar = organization is { } o2 ? HttpLink.OrNull(Str(o2, "avatar")) : null,
    };

    static JsonElement? Arr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v : null;

    static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    static DateTime? Time(JsonElement e, string name) =>
        Str(e, name) is { } s && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t : null;
}
