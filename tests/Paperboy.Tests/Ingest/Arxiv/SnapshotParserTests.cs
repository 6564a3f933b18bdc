using System.Text;
using Paperboy.Ingest.Arxiv;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Arxiv;

public sealed class SnapshotParserTests
{
    static readonly string[] Head = File.ReadAllLines(SharedData.PathOf("arxiv-snapshot", "snapshot-head200.jsonl"));

    static Paperboy.Ingest.PaperRecord Parsed(string line)
    {
        Assert.True(SnapshotParser.TryParse(Encoding.UTF8.GetBytes(line), out var paper, out var reason), reason);
        return paper;
    }

    [Fact]
    public void EveryLineOfTheSnapshotHeadIsRead()
    {
        var papers = Head.Select(Parsed).ToList();
        Assert.Equal(200, papers.Count);
        Assert.Equal(200, papers.Select(p => p.Id).Distinct().Count());
        Assert.All(papers, p =>
        {
            Assert.NotEmpty(p.Title);
            Assert.DoesNotContain('\n', p.Title + p.Abstract);
            Assert.NotEmpty(p.Authors);
            Assert.True(p.Version >= 1);
        });
    }

    [Fact]
    public void VersionsGiveTheVersionNumberPublicationAndLastUpdate()
    {
        var paper = Parsed(Head[0]);
        Assert.Equal(("0704.0001", 2), (paper.Id, paper.Version));
        Assert.Equal(new DateTime(2007, 4, 2, 19, 18, 42, DateTimeKind.Utc), paper.PublishedAt);
        Assert.Equal(new DateTime(2007, 7, 24, 20, 10, 27, DateTimeKind.Utc), paper.UpdatedAt);
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", paper.Title);
        Assert.Equal("10.1103/PhysRevD.76.013009", paper.Doi);
        Assert.Equal("Phys.Rev.D76:013009,2007", paper.JournalRef);
    }

    [Fact]
    public void AuthorsComeFromAuthorsParsedWithTheirAccentsDecoded()
    {
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"], Parsed(Head[0]).Authors);
    }

    [Fact]
    public void WithoutAuthorsParsedTheAuthorsStringIsSplit()
    {
        var line = Head[1].Replace("\"authors_parsed\"", "\"authors_parsed_gone\"");
        Assert.Equal(["Ileana Streinu", "Louis Theran"], Parsed(line).Authors);
    }

    [Fact]
    public void TheSeventyFiveThousandFileHasOneVersionPerPaperAndItsListingDay()
    {
        using var reader = SnapshotLineReader.Open(SharedData.PathOf("arxiv-snapshot", "arxiv-metadata-75k.jsonl.gz"));
        Assert.True(reader.TryReadLine(out var line));
        Assert.True(SnapshotParser.TryParse(line, out var paper, out _));
        Assert.Equal(("2503.11731", 1), (paper.Id, paper.Version));
        Assert.Equal(["cs.CV", "cs.RO"], paper.Categories);
        Assert.Equal(16, paper.Authors.Count);
        Assert.Null(paper.Comment);
    }

    [Theory]
    [InlineData("{\"id\": \"2409.01234\", \"title\": \"cut", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"id\": \"not-an-id\", \"title\": \"T\", \"versions\": [{\"version\": \"v1\", \"created\": \"Mon, 2 Apr 2007 19:18:42 GMT\"}]}", "\"not-an-id\" is not an arXiv id")]
    [InlineData("{\"id\": \"2409.01234\", \"title\": \"T\", \"versions\": []}", "2409.01234: no versions")]
    [InlineData("{\"id\": \"2409.01234\", \"title\": \"T\", \"versions\": [{\"version\": \"v1\", \"created\": \"yesterday\"}]}", "'yesterday' is not a date")]
    public void ABrokenLineIsRejectedWithAReason(string line, string reason)
    {
        Assert.False(SnapshotParser.TryParse(Encoding.UTF8.GetBytes(line), out _, out var why));
        Assert.StartsWith(reason, why);
    }

    [Fact]
    public void CategoriesAreSplitOnAnyWhitespaceAndHoldNoControlCharacter()
    {
        var line = Head[0].Replace("\"categories\":\"hep-ph\"", "\"categories\":\"hep-ph\\n  hep-th\\u0001 \\uFFFE\"");
        Assert.Equal(["hep-ph", "hep-th"], Parsed(line).Categories);
    }
}
