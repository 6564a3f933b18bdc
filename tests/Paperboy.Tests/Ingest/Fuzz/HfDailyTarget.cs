using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Paperboy.Ingest;
using Paperboy.Ingest.HfDaily;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary><see cref="HfDailyParser"/> on pages of real entries from three eras of HF's schema (2024, 2025, 2026).</summary>
public sealed class HfDailyTarget : ReaderTarget
{
    static readonly DateOnly Day = new(2026, 8, 21);
    const string FileName = "2026-08-21.json";

    public override string Name => "HF daily JSON";

    /// <summary>Four entries of each era, their author lists cut to three (dozens of authors only make every input slower).</summary>
    protected override IReadOnlyList<byte[]> Good { get; } =
        [.. new[] { "2024-05-27.json", "2025-06-03.json", "2026-08-21.json" }
            .SelectMany(day => JsonNode.Parse(File.ReadAllBytes(SharedData.PathOf("hf-daily-papers", day)))!.AsArray().Take(4))
            .Select(entry => Encoding.UTF8.GetBytes(FewAuthors(entry!).ToJsonString()))];

    static JsonNode FewAuthors(JsonNode entry)
    {
        var authors = entry["paper"]!["authors"]!.AsArray();
        while (authors.Count > 3) authors.RemoveAt(authors.Count - 1);
        return entry;
    }

    protected override byte[] Source(IEnumerable<byte[]> records) => [(byte)'[', .. Join(records), (byte)']'];

    static byte[] Join(IEnumerable<byte[]> records) => [.. records.SelectMany((r, i) => i == 0 ? r : [(byte)',', .. r])];

    protected override int Breaks => 8;

    protected override byte[] Break(byte[] record, int how)
    {
        var entry = JsonNode.Parse(record)!.AsObject();
        var paper = entry["paper"]!.AsObject();
        switch (how)
        {
            case 0: paper["id"] = "not-an-id"; break;
            case 1: paper.Remove("id"); break;
            case 2: entry["paper"] = 42; break;
            case 3: entry.Remove("paper"); break;
            case 4: paper.Remove("title"); entry.Remove("title"); break;
            case 5: return "[]"u8.ToArray();
            case 6: paper["title"] = "@@lone"; break;
            default: paper["summary"] = "@@bytes"; break;
        }
        var json = Encoding.UTF8.GetBytes(entry.ToJsonString());
        return Replace(Replace(json, "\"@@lone\""u8, @"""a lone \ud800 surrogate"""u8), "\"@@bytes\""u8, [(byte)'"', 0x41, 0xFF, 0xFE, 0x42, (byte)'"']);
    }

    static byte[] Replace(byte[] json, ReadOnlySpan<byte> marker, ReadOnlySpan<byte> with)
    {
        var at = json.AsSpan().IndexOf(marker);
        return at < 0 ? json : [.. json.AsSpan(0, at), .. with, .. json.AsSpan(at + marker.Length)];
    }

    protected override Gen<byte[]> Structural(Gen<byte[]> sources) => JsonMutations.Of(sources);

    /// <summary>As <see cref="HfDailyImporter"/> passes it on: an unusable file is one problem, each rejected entry another.</summary>
    public override ReaderOutcome Read(byte[] input)
    {
        var page = HfDailyParser.Parse(input, Day);
        if (page.Problem is { } problem) return ReaderOutcome.Refused(new ImportProblem(FileName, problem).ToString());
        return new ReaderOutcome([.. page.Entries.Select(e => e.Paper)], [.. page.Rejected.Select(r => new ImportProblem(FileName, r))], null)
        {
            Featured = [.. page.Entries.Select(e => e.Featured)],
        };
    }

    public override bool IsAt(ImportProblem problem, int position) => problem.Reason.StartsWith($"entry {position}: ", StringComparison.Ordinal);
}
