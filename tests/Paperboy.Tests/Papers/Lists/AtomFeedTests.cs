using System.Net;
using System.Xml.Linq;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Infrastructure.TestPapers;

namespace Paperboy.Tests.Papers.Lists;

public sealed class AtomFeedTests
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The feed of Friday 21 August 2026: "Scaling $\alpha$" (9 upvotes, two authors, a TeX abstract over two lines) and an old-style id (2 upvotes).</summary>
    static async Task<(HttpResponseMessage Response, XElement Feed)> GetFridaysFeedAsync()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var paper = Paper("2608.00001", "Scaling $\\alpha$", 9, "Ada Lovelace", "Alan Turing");
        paper.Abstract = "We scale\n  things by $\\alpha^2$.";
        await app.FeatureAsync(new DateOnly(2026, 8, 21), paper, Paper("hep-th/9901001", "Strings", 2));

        var response = await app.CreateClient().GetAsync("/papers/date/2026-08-21/feed.atom");

        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!);
    }

    static async Task<XElement> FridaysFirstEntryAsync() => (await GetFridaysFeedAsync()).Feed.Elements(Atom + "entry").First();

    [Fact]
    public async Task TheDayFeedIsServedAsAtom()
    {
        var (response, feed) = await GetFridaysFeedAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
    }

    [Fact]
    public async Task TheDayFeedIsIdentifiedByTheDayPageTitledByTheDayUpdatedAtTheImportAndLinksToItself()
    {
        var (_, feed) = await GetFridaysFeedAsync();

        Assert.Equal("http://localhost/papers/date/2026-08-21", feed.Element(Atom + "id")!.Value);
        Assert.Equal("Paperboy: Friday, August 21, 2026", feed.Element(Atom + "title")!.Value);
        Assert.Equal("2026-08-21T06:01:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal("http://localhost/papers/date/2026-08-21/feed.atom",
            feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Fact]
    public async Task TheDayFeedHasOneEntryPerPaperMostUpvotedFirst()
    {
        var (_, feed) = await GetFridaysFeedAsync();

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("http://localhost/papers/2608.00001", entries[0].Element(Atom + "id")!.Value);
        Assert.Equal("http://localhost/papers/hep-th/9901001", entries[1].Element(Atom + "id")!.Value);
    }

    [Fact]
    public async Task AnEntryLinksToThePaperPageAndToArxiv()
    {
        var first = await FridaysFirstEntryAsync();

        Assert.Equal("http://localhost/papers/2608.00001", first.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
        Assert.Equal("https://arxiv.org/abs/2608.00001", first.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "related").Attribute("href")!.Value);
    }

    [Fact]
    public async Task AnEntrysTitleAndSummaryArePlainTextWithTheTexRenderedAndTheSummaryStartsWithTheUpvotes()
    {
        var first = await FridaysFirstEntryAsync();

        Assert.Equal("Scaling α", first.Element(Atom + "title")!.Value);
        Assert.Equal("9 upvotes. We scale things by α^2.", first.Element(Atom + "summary")!.Value);
    }

    [Fact]
    public async Task AnEntryNamesEveryAuthorAndHasAnUpdatedTime()
    {
        var first = await FridaysFirstEntryAsync();

        Assert.Equal(["Ada Lovelace", "Alan Turing"], first.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.NotNull(first.Element(Atom + "updated"));
    }

    [Theory]
    [InlineData("/papers/week/2026-W34/feed.atom", "Paperboy: Week 34 of 2026 (Aug 17 – Aug 23)")]
    [InlineData("/papers/month/2026-08/feed.atom", "Paperboy: August 2026")]
    [InlineData("/papers/feed.atom", "Paperboy: daily papers")]
    public async Task WeekMonthAndLatestFeedsListTheirPapers(string url, string title)
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await app.FeatureAsync(new DateOnly(2026, 8, 21), Paper("2608.00001", "Only", 1));

        var feed = XDocument.Parse(await app.CreateClient().GetStringAsync(url)).Root!;

        Assert.Equal(title, feed.Element(Atom + "title")!.Value);
        Assert.Equal(["Only"], feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
    }

    [Fact]
    public async Task AnEmptyDayIsAValidFeedWithoutEntries()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var text = await app.CreateClient().GetStringAsync("/papers/date/2026-08-22/feed.atom");

        var feed = XDocument.Parse(text).Root!;
        Assert.Empty(feed.Elements(Atom + "entry"));
        Assert.Equal("2026-08-22T00:00:00Z", feed.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public async Task EveryListPageAnnouncesItsFeedInTheHead()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();

        foreach (var (page, feed) in new[] { ("/papers/date/2026-08-21", "/papers/date/2026-08-21/feed.atom"),
                     ("/papers/week/2026-W34", "/papers/week/2026-W34/feed.atom"), ("/papers/month/2026-08", "/papers/month/2026-08/feed.atom") })
        {
            var (_, document) = await Html.GetAsync(client, page);
            var link = document.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']");
            Assert.Equal(feed, link?.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(feed)).StatusCode);
        }
    }

    [Fact]
    public async Task AFeedOfAnInvalidDayIsA400()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var (response, page) = await Html.GetAsync(app.CreateClient(), "/papers/date/2026-02-30/feed.atom");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'2026-02-30' is not a date; expected YYYY-MM-DD, e.g. 2026-08-21.", page.QuerySelector(".message").Text());
    }
}
