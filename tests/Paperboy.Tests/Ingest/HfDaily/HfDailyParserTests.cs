using Paperboy.Ingest.HfDaily;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.HfDaily;

public sealed class HfDailyParserTests
{
    static readonly string Folder = SharedData.PathOf("hf-daily-papers");

    /// <summary>The 21 days recorded as Python-repr strings, and the wrapped day after them.</summary>
    static readonly HashSet<string> Unusable = [.. Enumerable.Range(0, 30).Select(i => new DateOnly(2024, 12, 11).AddDays(i).ToString("yyyy-MM-dd") + ".json"), "2025-01-10.json"];

    static readonly List<string> Days = [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order()];

    public static TheoryData<string> EveryDay() => [.. Days];

    static HfDailyPage Parse(string name) =>
        HfDailyParser.Parse(File.ReadAllBytes(Path.Combine(Folder, name)), DateOnly.ParseExact(name[..10], "yyyy-MM-dd"));

    [Theory]
    [MemberData(nameof(EveryDay))]
    public void EveryRecordedDayIsEitherReadWholeOrReportedAsUnusable(string name)
    {
        var page = Parse(name);
        if (Unusable.Contains(name))
        {
            Assert.NotNull(page.Problem);
            Assert.Empty(page.Entries);
            Assert.True(page.UnusableEntries > 0);
            return;
        }
        Assert.Null(page.Problem);
        Assert.Empty(page.Rejected);
        Assert.All(page.Entries, e =>
        {
            Assert.NotEmpty(e.Paper.Title);
            Assert.DoesNotContain('\n', e.Paper.Title);
            Assert.DoesNotContain('\n', e.Paper.Abstract);
            Assert.NotEmpty(e.Paper.Authors);
            Assert.Null(e.Paper.Version);
            Assert.False(e.Paper.IsArxivMetadata);
        });
    }

    [Fact]
    public void TheTwentyOneDaysOfPythonReprStringsAreReportedAsSuch()
    {
        var days = Days.Where(n => Parse(n).Problem?.Contains("Python-repr") == true).ToList();
        Assert.Equal(21, days.Count);
        Assert.Equal("2024-12-11.json", days[0]);
        Assert.Equal("2025-01-09.json", days[^1]);
    }

    [Fact]
    public void TheWrappedDayIsReportedWithItsWrapperAndNothingOfItIsRead()
    {
        var page = Parse("2025-01-10.json");
        Assert.Equal("entries wrapped in an object {status, date, count, data} instead of HF's bare array; nothing imported from it", page.Problem);
        Assert.Equal(9, page.UnusableEntries);
    }

    [Fact]
    public void TheFeaturedDayIsSubmittedOnDailyAtNotPublishedAt()
    {
        var entry = Parse("2026-08-21.json").Entries.Single(e => e.Paper.Id == "2608.19880");
        Assert.Equal(new DateOnly(2026, 8, 21), entry.Featured.Day);
        Assert.Equal(new DateTime(2026, 8, 20, 0, 0, 0, DateTimeKind.Utc), entry.Paper.PublishedAt);
        Assert.Equal("taesiri", entry.Featured.SubmittedBy);
        Assert.Equal("taesiri", entry.Featured.SubmittedByName);
    }

    [Fact]
    public void AnEarlyDayWithoutSubmittedOnDailyAtIsFeaturedOnTheDayOfItsList()
    {
        var entry = Parse("2024-06-10.json").Entries.Single(e => e.Paper.Id == "2406.04692");
        Assert.Equal(new DateOnly(2024, 6, 10), entry.Featured.Day);
        Assert.Equal(new DateTime(2024, 6, 7, 7, 4, 10, DateTimeKind.Utc), entry.Paper.PublishedAt);
    }

    [Fact]
    public void TheOldMediaUrlBecomesTheThumbnail()
    {
        var paper = Parse("2024-06-10.json").Entries.Single(e => e.Paper.Id == "2406.04692").Paper;
        Assert.Equal("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.04692.png", paper.Thumbnail);
        Assert.Equal(14, paper.ImportedUpvotes);
        Assert.Null(paper.AiSummary);
        Assert.Null(paper.AiKeywords);
    }

    [Fact]
    public void LaterFieldsAreReadSummaryKeywordsCodeStarsProjectPageAndOrganization()
    {
        var paper = Parse("2026-08-21.json").Entries.Single(e => e.Paper.Id == "2608.19880").Paper;
        Assert.StartsWith("EnvHarness and EnvRigger dynamically reshape", paper.AiSummary);
        Assert.Contains("EnvRigger", paper.AiKeywords!);
        Assert.Equal("https://github.com/google-research/envharness", paper.GithubRepo);
        Assert.Equal(8, paper.GithubStars);
        Assert.Equal("https://envharness.com/", paper.ProjectPage);
        Assert.Equal("Google", paper.Organization);
        Assert.Equal(163, paper.ImportedUpvotes);
        Assert.Equal(17, paper.Authors.Count);
    }

    [Fact]
    public void ArxivHardLineBreaksAreFolded()
    {
        var paper = Parse("2024-05-27.json").Entries.Single(e => e.Paper.Id == "2405.15738").Paper;
        Assert.Equal("ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models", paper.Title);
        Assert.StartsWith("High-resolution Large Multimodal Models (LMMs) encounter the challenges of excessive visual tokens", paper.Abstract);
    }

    [Fact]
    public void FourPapersAppearOnTwoDays()
    {
        var days = Days.Where(n => !Unusable.Contains(n))
            .SelectMany(n => Parse(n).Entries).GroupBy(e => e.Paper.Id).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Featured.Day).Order().ToList());
        Assert.Equal(["2604.07429", "2606.11176", "2608.12313", "2608.13558"], days.Keys.Order());
        Assert.Equal([new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 16)], days["2604.07429"]);
    }

    [Fact]
    public void BrokenJsonIsReportedWithTheParsersReason()
    {
        var page = HfDailyParser.Parse("[{\"paper\": "u8, null);
        Assert.StartsWith("not valid JSON", page.Problem);
    }

    [Theory]
    [InlineData(@"""a lone \ud800 surrogate""")]
    [InlineData("\"not \xFF UTF-8\"")]
    public void AnEntryWithAStringThatIsNotTextIsRejectedAndTheOthersAreRead(string title)
    {
        var json = "[{\"paper\": {\"id\": \"2406.04692\", \"title\": \"Good\"}}, {\"paper\": {\"id\": \"2406.04693\", \"title\": " + title + "}}]";
        var bytes = System.Text.Encoding.Latin1.GetBytes(json); // \xFF stays one byte, which is not UTF-8
        var page = HfDailyParser.Parse(bytes, new DateOnly(2024, 6, 10));
        Assert.Equal("2406.04692", Assert.Single(page.Entries).Paper.Id);
        Assert.StartsWith("entry 2: a string that is not text", Assert.Single(page.Rejected));
    }

    [Fact]
    public void HfsOwnTextIsOneLineWithoutControlCharactersLikeArxivs()
    {
        var page = HfDailyParser.Parse("""
            [{"paper": {"id": "2406.04692", "title": "T", "ai_summary": "One\u0001 line\n", "ai_keywords": ["a\u0000b", " "],
              "organization": {"fullname": "Org\u000b"}}, "submittedBy": {"name": "who\u0007", "fullname": "Who\uFFFE Ever"}}]
            """u8, new DateOnly(2024, 6, 10));
        var entry = Assert.Single(page.Entries);
        Assert.Equal(("One line", "Org"), (entry.Paper.AiSummary, entry.Paper.Organization));
        Assert.Equal(["a b"], entry.Paper.AiKeywords!);
        Assert.Equal(("who", "Who Ever"), (entry.Featured.SubmittedBy, entry.Featured.SubmittedByName));
    }
}
