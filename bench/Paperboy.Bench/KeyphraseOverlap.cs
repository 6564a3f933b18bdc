using System.Text.Json;
using Paperboy.Domain;

namespace Paperboy.Bench;

/// <summary>
/// How computed keywords (<see cref="Keyphrases"/>) compare with HF's <c>ai_keywords</c> on every recorded HF paper
/// (docs/hf-compatibility.md, "Computed keywords"): precision and recall of exact matches (case and plurals folded) and of
/// token overlap (a keyword matches when it shares a word, stopwords aside, with one of the other side's).
/// </summary>
static class KeyphraseOverlap
{
    public static int Run(string folder, int show = 0)
    {
        var papers = Papers(folder);
        long computed = 0, hf = 0, exactComputed = 0, exactHf = 0, tokenComputed = 0, tokenHf = 0;
        foreach (var (title, @abstract, keywords) in papers)
        {
            var ours = Keyphrases.Of(title, @abstract);
            var theirs = keywords;
            if (show-- > 0) Console.WriteLine($"{title}\n  ours:   {string.Join(" | ", ours)}\n  theirs: {string.Join(" | ", theirs)}");
            var oursKeys = ours.Select(Fold).ToHashSet();
            var theirsKeys = theirs.Select(Fold).ToHashSet();
            var oursWords = ours.Select(Words).ToList();
            var theirsWords = theirs.Select(Words).ToList();
            computed += ours.Count; hf += theirs.Count;
            exactComputed += ours.Count(k => theirsKeys.Contains(Fold(k)));
            exactHf += theirs.Count(k => oursKeys.Contains(Fold(k)));
            tokenComputed += oursWords.Count(w => theirsWords.Any(t => t.Overlaps(w)));
            tokenHf += theirsWords.Count(t => oursWords.Any(w => w.Overlaps(t)));
        }
        Console.WriteLine($"{papers.Count} papers with HF keywords; {hf} HF keywords ({(double)hf / papers.Count:0.0} a paper), {computed} computed ({(double)computed / papers.Count:0.0} a paper)");
        Console.WriteLine($"exact match:   precision {(double)exactComputed / computed:0.000}  recall {(double)exactHf / hf:0.000}");
        Console.WriteLine($"token overlap: precision {(double)tokenComputed / computed:0.000}  recall {(double)tokenHf / hf:0.000}");
        return 0;
    }

    static string Fold(string keyword) => string.Join(' ', Words(keyword).Order());

    static HashSet<string> Words(string keyword) =>
        KeyphraseTokens.Of("", keyword).Select(t => t.Lower).Where(w => !Stop.Contains(w))
            .Select(Keyphrases.Singular).ToHashSet();

    static readonly HashSet<string> Stop = ["a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "by", "via"];

    /// <summary>One row per paper HF gave keywords, the first time it appears over the recorded days.</summary>
    static List<(string Title, string Abstract, List<string> Keywords)> Papers(string folder)
    {
        var seen = new HashSet<string>();
        var papers = new List<(string, string, List<string>)>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order())
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var entries = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement
                : doc.RootElement.TryGetProperty("data", out var data) ? data : default;
            if (entries.ValueKind != JsonValueKind.Array) continue;
            foreach (var e in entries.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("paper", out var p)) continue;
                if (!p.TryGetProperty("ai_keywords", out var k) || k.ValueKind != JsonValueKind.Array || k.GetArrayLength() == 0) continue;
                var id = p.GetProperty("id").GetString()!;
                if (!seen.Add(id)) continue;
                papers.Add((p.GetProperty("title").GetString() ?? "", p.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "",
                    k.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0).ToList()));
            }
        }
        return papers;
    }
}
