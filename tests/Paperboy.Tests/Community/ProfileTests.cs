using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using static Paperboy.Tests.Community.CommunityTestData;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Community;

public class ProfileTests
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task APersonsPageShowsWhatTheyUpvotedAndCommentedAndTheFeedFollowsTheirUpvotes()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.00001", "Liked paper", DateOnly.FromDateTime(DateTime.UtcNow));
        await AddPaperAsync(app, "hep-th/9901001", "Discussed paper", DateOnly.FromDateTime(DateTime.UtcNow));
        var (_, token) = await AddUserAsync(app, "ada");
        var api = ApiClient(app, token);
        await api.PostAsync("/api/papers/2409.00001/upvote", null);
        await api.PostAsJsonAsync("/api/papers/hep-th/9901001/comments", new { text = "hmm" });
        var client = app.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/u/ada"));
        var feedResponse = await client.GetAsync("/u/ada/upvotes.atom");
        var feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync());

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", page);
        Assert.Matches("class=\"upvoted\">.*Liked paper", page.ReplaceLineEndings(" "));
        Assert.Matches("class=\"commented\">.*Discussed paper", page.ReplaceLineEndings(" "));
        Assert.Equal("application/atom+xml", feedResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Papers upvoted by @ada", feed.Root!.Element(Atom + "title")!.Value);
        var entry = Assert.Single(feed.Root.Elements(Atom + "entry"));
        Assert.Equal("Liked paper", entry.Element(Atom + "title")!.Value);
        Assert.EndsWith("/papers/2409.00001/discussion", entry.Element(Atom + "link")!.Attribute("href")!.Value);
    }

    [Fact]
    public async Task AnUnknownPersonIs404()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/u/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/u/nobody/upvotes.atom")).StatusCode);
        Assert.Contains("Nobody here goes by", await (await client.GetAsync("/u/nobody")).Content.ReadAsStringAsync());
    }
}
