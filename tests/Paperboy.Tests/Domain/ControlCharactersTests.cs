using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Paperboy.Domain;
using Paperboy.Ingest;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Domain;

/// <summary>Control characters (U+0000, U+0001, U+000B...) are cleaned at the door and never break a page or a feed.</summary>
public class ControlCharactersTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u0000b\u0001c\u007f", "abc")]
    [InlineData("line one\nline two\r\n\tindented", "line one\nline two\r\n\tindented")]
    [InlineData("\u000b\u000c", "")]
    public void TypedTextKeepsItsLineBreaksAndLosesControlCharacters(string typed, string kept) => Assert.Equal(kept, ControlCharacters.Strip(typed));

    [Theory]
    [InlineData("A title\u0001 with\u000b junk\u0000", "A title with junk")]
    [InlineData("\u0002Leading", "Leading")]
    [InlineData("\u0001 \u00a0\u0002 Both ends \u0003 ", "Both ends")]
    [InlineData("Clean title", "Clean title")]
    public void ImportedTextFoldsControlCharactersLikeWhitespace(string imported, string kept) => Assert.Equal(kept, TextClean.Whitespace(imported));

    [Fact]
    public async Task ACommentKeepsNoControlCharacters()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");

        var created = await ApiClient(app, token).PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "\u0000Nice\u0001 result" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Nice result", (await app.WithDbAsync(db => db.Set<Comment>().SingleAsync())).Text);
    }

    [Fact]
    public async Task ACommentOfOnlyControlCharactersIsEmpty()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");

        var refused = await ApiClient(app, token).PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "\u0000\u0001" });

        await Community.CommentApiTests.AssertProblem(refused, 400, "text", "Write something first: the comment is empty.");
    }

    [Fact]
    public async Task APaperStoredWithControlCharactersStillHasAWellFormedFeed()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddPaperAsync(app, "2409.01234", "Broken\u0001 title\u000b", featuredOn: today, authors: ["Ada\u0000 Lovelace"], abstractText: "An\u0008 abstract.");

        var response = await app.CreateClient().GetAsync($"/papers/date/{today:yyyy-MM-dd}/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        var entry = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(atom + "entry")!;
        Assert.Equal("Broken title", entry.Element(atom + "title")!.Value);
        Assert.Equal("Ada Lovelace", entry.Element(atom + "author")!.Element(atom + "name")!.Value);
    }
}
