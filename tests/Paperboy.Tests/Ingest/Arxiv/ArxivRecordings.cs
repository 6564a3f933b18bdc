using System.Text.Json;
using System.Web;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Arxiv;

/// <summary>The recorded arXiv query API exchanges (format-2026 envelopes and format-2016 bodies), looked up by request.</summary>
public static class ArxivRecordings
{
    public sealed record Exchange(string File, Uri Url, int Status, string Body);

    public static IReadOnlyList<Exchange> Format2026 { get; } = Directory.EnumerateFiles(SharedData.PathOf("arxiv-api", "format-2026"), "*.json")
        .Order().Select(Load).ToList();

    public static IEnumerable<string> Format2016Files => Directory.EnumerateFiles(SharedData.PathOf("arxiv-api", "format-2016"), "*.xml").Order();

    static Exchange Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        return new Exchange(Path.GetFileName(path), new Uri(root.GetProperty("url").GetString()!), root.GetProperty("status_code").GetInt32(), root.GetProperty("body").GetString()!);
    }

    public static Exchange Named(string prefix) => Format2026.Single(e => e.File.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The recorded exchange with the same search, ids, start and max_results (sort order ignored), or null.</summary>
    public static Exchange? Find(string pathAndQuery)
    {
        var key = Key(new Uri(new Uri("http://x"), pathAndQuery));
        return Format2026.FirstOrDefault(e => Key(e.Url) == key);
    }

    static string Key(Uri url)
    {
        var q = HttpUtility.ParseQueryString(url.Query);
        return $"{q["search_query"]}|{q["id_list"]}|{q["start"]}|{q["max_results"]}";
    }
}
