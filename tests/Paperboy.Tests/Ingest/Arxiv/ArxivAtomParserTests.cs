using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;

namespace Paperboy.Tests.Ingest.Arxiv;

public sealed class ArxivAtomParserTests
{
    public static TheoryData<string> Format2026Files() => [.. ArxivRecordings.Format2026.Select(e => e.File)];
    public static TheoryData<string> Format2016Files() => [.. ArxivRecordings.Format2016Files.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Format2026Files))]
    public void EveryRecorded2026AnswerIsReadAsEntriesOrAsAnError(string file)
    {
        var exchange = ArxivRecordings.Named(file);
        var feed = ArxivAtomParser.Parse(exchange.Body);
        if (exchange.Status == 400)
        {
            Assert.NotNull(feed.Error);
            return;
        }
        Assert.Null(feed.Error);
        Assert.Equal(exchange.Body.Split("<entry>").Length - 1, feed.Entries.Count);
        Assert.All(feed.Entries, AssertWellFormed);
    }

    [Theory]
    [MemberData(nameof(Format2016Files))]
    public void EveryRecorded2016AnswerIsReadWithItsInlineNamespaces(string file)
    {
        var body = File.ReadAllText(ArxivRecordings.Format2016Files.Single(f => Path.GetFileName(f) == file));
        var feed = ArxivAtomParser.Parse(body);
        Assert.Null(feed.Error);
        Assert.True(feed.TotalResults > 0);
        Assert.Equal(body.Split("<entry>").Length - 1, feed.Entries.Count);
        Assert.All(feed.Entries, AssertWellFormed);
    }

    static void AssertWellFormed(Paperboy.Ingest.PaperRecord p)
    {
        Assert.True(p.IsArxivMetadata);
        Assert.NotNull(p.Version);
        Assert.NotEmpty(p.Title);
        Assert.DoesNotContain('\n', p.Title + p.Abstract);
        Assert.NotEmpty(p.Authors);
        Assert.NotEmpty(p.Categories);
        Assert.True(p.PublishedAt.Year > 1990);
        Assert.True(p.UpdatedAt >= p.PublishedAt);
    }

    [Fact]
    public void TheHttp400ErrorFeedBecomesItsMessage()
    {
        var feed = ArxivAtomParser.Parse(ArxivRecordings.Named("id_abc_").Body);
        Assert.Equal("incorrect id format for abc", feed.Error);
        Assert.Empty(feed.Entries);
    }

    [Fact]
    public void AnEmptyResultHasNoEntriesAndTotalZero()
    {
        var feed = ArxivAtomParser.Parse(ArxivRecordings.Named("id_0000.0000_").Body);
        Assert.Null(feed.Error);
        Assert.Empty(feed.Entries);
        Assert.Equal(0, feed.TotalResults);
    }

    [Fact]
    public void AnOldStyleIdWithVersionIsStoredWithoutItAndTheVersionApart()
    {
        var paper = ArxivAtomParser.Parse(ArxivRecordings.Named("id_quant-ph_0201082v1_").Body).Entries.Single();
        Assert.Equal("quant-ph/0201082", paper.Id);
        Assert.Equal(1, paper.Version);
        Assert.Equal(["quant-ph", "cs.PL"], paper.Categories);
        Assert.Equal("32 pages", paper.Comment);
        Assert.Equal(["Stephen Blaha"], paper.Authors);
    }

    [Fact]
    public void TheOldFormatGivesDoiJournalRefAndFoldedTitle()
    {
        var body = File.ReadAllText(ArxivRecordings.Format2016Files.Single(f => f.EndsWith("id_list=1111.2011v2.xml")));
        var paper = ArxivAtomParser.Parse(body).Entries.Single();
        Assert.Equal(("1111.2011", 2), (paper.Id, paper.Version));
        Assert.Equal("Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit", paper.Title);
        Assert.Equal("10.1103/PhysRevB.85.115117", paper.Doi);
        Assert.NotNull(paper.JournalRef);
        Assert.Equal(new DateTime(2011, 11, 8, 18, 48, 36, DateTimeKind.Utc), paper.PublishedAt);
        Assert.Equal(new DateTime(2012, 4, 2, 12, 38, 54, DateTimeKind.Utc), paper.UpdatedAt);
    }

    [Fact]
    public void OverlappingPagesOfOneSearchAgreeOnTheirCommonEntries()
    {
        var first = ArxivAtomParser.Parse(ArxivRecordings.Named("q_testing_s0_m15_").Body).Entries;
        var shifted = ArxivAtomParser.Parse(ArxivRecordings.Named("q_testing_s5_m10_").Body).Entries;
        Assert.Equal(first.Skip(5).Take(10).Select(p => p.Id), shifted.Select(p => p.Id));
    }

    [Fact]
    public void AnEntryWithoutAnIdOrATitleIsReportedWithItsPlaceInTheResult()
    {
        const string Entry = "<entry><id>{0}</id><title>{1}</title></entry>";
        var feed = ArxivAtomParser.Parse("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">"
            + "<opensearch:startIndex>20</opensearch:startIndex>" + string.Format(Entry, "http://arxiv.org/abs/1605.08386v1", "Good")
            + string.Format(Entry, "http://arxiv.org/abs/banana", "T") + string.Format(Entry, "http://arxiv.org/abs/1605.08387v1", " ") + "</feed>");
        Assert.Equal("1605.08386", Assert.Single(feed.Entries).Id);
        Assert.Equal(["entry 22: 'http://arxiv.org/abs/banana' is not an arXiv id", "entry 23: 1605.08387: no title"], feed.Rejected.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("<!DOCTYPE feed [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>")]
    [InlineData("<!DOCTYPE feed [<!ENTITY b SYSTEM \"file:///etc/hostname\">]>")]
    public void AnAnswerWithADocumentTypeDeclarationIsRefusedUnexpanded(string doctype)
    {
        var body = ArxivRecordings.Named("id_1605.08386_").Body;
        var xml = body.Replace("<feed ", doctype + "<feed ").Replace("Heat-bath random walks", "&b;");
        var e = Assert.Throws<ImportSourceException>(() => ArxivAtomParser.Parse(xml));
        Assert.StartsWith("arXiv answered something that is not Atom XML (For security reasons DTD is prohibited", e.Message);
    }

    [Fact]
    public void APaperTitledErrorIsAPaperNotAnErrorFeed()
    {
        var feed = ArxivAtomParser.Parse(ArxivRecordings.Named("id_1605.08386_").Body.Replace("Heat-bath random walks with Markov bases", "Error"));
        Assert.Null(feed.Error);
        Assert.Equal("Error", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void ThePrimaryCategoryIsFoldedLikeTheOthers()
    {
        var body = ArxivRecordings.Named("id_1605.08386_").Body.Replace("<arxiv:primary_category term=\"math.CO\"/>", "<arxiv:primary_category term=\" math.CO&#x7F;\"/>");
        Assert.Equal(["math.CO", "math.ST"], Assert.Single(ArxivAtomParser.Parse(body).Entries).Categories);
    }
}
