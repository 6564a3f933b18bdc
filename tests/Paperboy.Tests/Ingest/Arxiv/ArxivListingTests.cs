using System.Text.Json;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Arxiv;

/// <summary>
/// The three raw listing days the 75k snapshot was converted from, read independently of the snapshot parser:
/// every paper of a day must come out of the snapshot with the same title, abstract and authors, published that day
/// (or before it, for the few papers listed again on a later day).
/// </summary>
public sealed class ArxivListingTests
{
    static readonly Lazy<Dictionary<string, PaperRecord>> Snapshot = new(() =>
    {
        var papers = new Dictionary<string, PaperRecord>();
        using var reader = SnapshotLineReader.Open(SharedData.PathOf("arxiv-snapshot", "arxiv-metadata-75k.jsonl.gz"));
        while (reader.TryReadLine(out var line))
            if (SnapshotParser.TryParse(line, out var paper, out _)) papers[paper.Id] = paper;
        return papers;
    });

    public static TheoryData<string> Days() => [.. Directory.EnumerateFiles(SharedData.PathOf("arxiv-listings"), "*.jsonl").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Days))]
    public void EveryPaperOfAListingDayComesOutOfTheSnapshotUnchanged(string file)
    {
        var day = DateOnly.ParseExact(file[..10], "yyyy-MM-dd");
        var lines = File.ReadAllLines(SharedData.PathOf("arxiv-listings", file));
        Assert.True(lines.Length > 300);
        var onThatDay = 0;
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var listed = doc.RootElement;
            var paper = Snapshot.Value[listed.GetProperty("id").GetString()!];
            Assert.Equal(TextClean.Whitespace(listed.GetProperty("title").GetString()), paper.Title);
            Assert.Equal(TextClean.Whitespace(listed.GetProperty("summary").GetString()), paper.Abstract);
            Assert.Equal(listed.GetProperty("authors").EnumerateArray().Select(a => TextClean.Whitespace(a.GetString())), paper.Authors);
            Assert.True(DateOnly.FromDateTime(paper.PublishedAt) <= day, $"{paper.Id} published {paper.PublishedAt:u}, after its listing day");
            if (DateOnly.FromDateTime(paper.PublishedAt) == day) onThatDay++;
        }
        Assert.True(onThatDay > lines.Length / 2, $"only {onThatDay} of {lines.Length} published on {day}");
    }
}
