using System.Text.Json;

namespace Paperboy.Digest;

/// <summary>What one digest message says, as decided when it was composed: paper ids, rendered when sent.</summary>
public sealed record DigestContent(IReadOnlyList<string> Featured, IReadOnlyList<WatchlistSection> Sections)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static DigestContent FromJson(string json) => JsonSerializer.Deserialize<DigestContent>(json, Json)!;
    public IEnumerable<string> PaperIds => Featured.Concat(Sections.SelectMany(s => s.Papers));
}

/// <summary>The new papers matching one watch-list.</summary>
public sealed record WatchlistSection(string Query, IReadOnlyList<string> Papers);
