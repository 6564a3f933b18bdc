using System.Text.Json;

namespace Paperboy.Digest;

/// <summary>
/// What one digest message says, as decided when it was composed: paper ids, rendered when sent. <see cref="ForYou"/>:
/// the reader's recommendations, for a subscriber with an account who has some (null in messages composed before it).
/// </summary>
public sealed record DigestContent(IReadOnlyList<string> Featured, IReadOnlyList<WatchlistSection> Sections, IReadOnlyList<ForYouPick>? ForYou = null)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static DigestContent FromJson(string json) => JsonSerializer.Deserialize<DigestContent>(json, Json)!;
    public IEnumerable<string> PaperIds => Featured.Concat(Sections.SelectMany(s => s.Papers)).Concat((ForYou ?? []).Select(f => f.Paper));
}

/// <summary>A paper recommended to the subscriber, and why.</summary>
public sealed record ForYouPick(string Paper, string Reason);

/// <summary>The new papers matching one watch-list.</summary>
public sealed record WatchlistSection(string Query, IReadOnlyList<string> Papers);
