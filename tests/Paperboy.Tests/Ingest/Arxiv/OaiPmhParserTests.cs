using Paperboy.Ingest.Arxiv;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Arxiv;

public sealed class OaiPmhParserTests
{
    public static TheoryData<string> EveryFile() =>
        [.. Directory.EnumerateFiles(SharedData.PathOf("arxiv-oai-pmh"), "*.xml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SharedData.PathOf("arxiv-oai-pmh"), f)).Order()];

    static OaiPage Parse(string relative) => OaiPmhParser.Parse(File.ReadAllText(SharedData.PathOf("arxiv-oai-pmh", relative)));

    [Theory]
    [MemberData(nameof(EveryFile))]
    public void EveryRecordedAnswerIsReadRecordByRecord(string file)
    {
        var text = File.ReadAllText(SharedData.PathOf("arxiv-oai-pmh", file));
        var page = Parse(file);
        Assert.Null(page.ErrorCode);
        Assert.Empty(page.Rejected);
        Assert.Equal(text.Split("<record>").Length - 1, page.Records.Count);
        Assert.All(page.Records, p =>
        {
            Assert.True(p.IsArxivMetadata);
            Assert.NotEmpty(p.Title);
            Assert.DoesNotContain('\n', p.Title + p.Abstract + string.Join("", p.Authors));
            Assert.DoesNotContain("  ", p.Abstract);
            Assert.NotEmpty(p.Authors);
            Assert.NotEmpty(p.Categories);
            Assert.True(p.UpdatedAt >= p.PublishedAt);
        });
    }

    [Fact]
    public void TheReindentedListRecordsPageGivesItsRecordsAndResumptionToken()
    {
        var page = Parse("litpuvn_ListRecords.xml");
        Assert.Equal(387, page.Records.Count);
        Assert.Equal("1403493|1001", page.ResumptionToken);
        var first = page.Records[0];
        Assert.Equal("0803.4354", first.Id);
        Assert.Equal(6, first.Version);
        Assert.Equal(new DateTime(2008, 3, 30, 23, 26, 50, DateTimeKind.Utc), first.PublishedAt);
        Assert.Equal(new DateTime(2016, 10, 20, 16, 58, 38, DateTimeKind.Utc), first.UpdatedAt);
        Assert.StartsWith("A O(n^8) X O(n^7) Linear Programming Model of th", first.Title);
    }

    [Fact]
    public void ArxivRawAuthorsAreSplitAcrossLineBreaks()
    {
        var paper = Parse("litpuvn_GetRecord.xml").Records.Single();
        Assert.Equal(["Carl Lagoze", "Herbert Van de Sompel", "Michael L. Nelson", "Simeon Warner", "Robert Sanderson", "Pete Johnston"], paper.Authors);
        Assert.Equal(["cs.DL", "cs.NI"], paper.Categories);
        Assert.Null(Parse("litpuvn_GetRecord.xml").ResumptionToken);
    }

    [Fact]
    public void TheArxivFormatJoinsForeAndKeyNamesAndHasNoVersion()
    {
        var paper = Parse("arxiv-format/functional__arxiv__fixtures__http_server__records__arxiv-single.xml").Records.Single();
        Assert.Equal("1401.2122", paper.Id);
        Assert.Null(paper.Version);
        Assert.Equal(["A. Sergyeyev"], paper.Authors);
        Assert.Equal("10.1007/s11005-017-1013-4", paper.Doi);
        Assert.Equal("Lett. Math. Phys. 108 (2018), no. 2, 359-376", paper.JournalRef);
        Assert.Equal(new DateTime(2014, 1, 9, 0, 0, 0, DateTimeKind.Utc), paper.PublishedAt);
        Assert.Equal(new DateTime(2017, 10, 23, 0, 0, 0, DateTimeKind.Utc), paper.UpdatedAt);
        Assert.StartsWith("16 pages, LaTeX, no figures, revised and abridged, in this version (v5) the typos", paper.Comment);
    }

    [Fact]
    public void LatexInAbstractsIsKeptAsArxivGivesIt()
    {
        var paper = Parse("litpuvn_ListRecords.xml").Records.Single(p => p.Abstract.Contains("symmetrized lattice"));
        Assert.StartsWith("A symmetrized lattice of $2n$ points in terms of an irrational real number $\\alpha$ is considered", paper.Abstract);
        Assert.Contains("$\\sqrt{c (\\varphi ) \\log n}$", paper.Abstract);
    }

    [Fact]
    public void AHandEditedRecordWithoutTheArxivNamespaceIsStillRead()
    {
        var paper = Parse("arxiv-format/unit__responses__arxiv__sample_arxiv_record0.xml").Records.Single();
        Assert.Equal("1601.03238", paper.Id);
        Assert.Equal("Planck Collaboration", paper.Authors[0]);
        Assert.Equal("Jieci Wang", paper.Authors[1]);
    }

    [Fact]
    public void AHandEditedGetRecordWithTwelveRecordsGivesAllTwelve()
    {
        Assert.Equal(12, Parse("arxiv-format/unit__responses__arxiv__sample_arxiv_record.xml").Records.Count);
    }

    [Fact]
    public void AnOaiErrorIsReadAsCodeAndMessage()
    {
        var page = OaiPmhParser.Parse("""<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="noRecordsMatch">No records  match</error></OAI-PMH>""");
        Assert.Equal(("noRecordsMatch", "No records match"), (page.ErrorCode, page.ErrorMessage));
    }

    [Fact]
    public void ABrokenRecordIsReportedByItsPositionAndIdentifierEvenWithoutAHeader()
    {
        const string Raw = "<metadata><arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\"><id>{0}</id><title>{1}</title><version version=\"v1\"><date>Mon, 14 Apr 2008 21:02:00 GMT</date></version></arXivRaw></metadata>";
        var page = OaiPmhParser.Parse("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
            + "<record><header><identifier>oai:arXiv.org:0804.2273</identifier></header>" + string.Format(Raw, "0804.2273", "") + "</record>"
            + "<record><header><identifier>oai:arXiv.org:0804.2274</identifier></header>" + string.Format(Raw, "0804.2274", "Good") + "</record>"
            + "<record>" + string.Format(Raw, "not-an-id", "T") + "</record></ListRecords></OAI-PMH>");
        Assert.Equal("0804.2274", Assert.Single(page.Records).Id);
        Assert.Equal(["record 1 (oai:arXiv.org:0804.2273): 0804.2273: no title", "record 3: 'not-an-id' is not an arXiv id"], page.Rejected.Select(p => p.ToString()));
    }
}
