using Paperboy.Domain;
using Paperboy.Ingest.HfDaily;

namespace Paperboy.Tests.Domain;

/// <summary>An address from imported data becomes a link only when it is http(s).</summary>
public class HttpLinkTests
{
    [Theory]
    [InlineData("https://github.com/org/repo", "https://github.com/org/repo")]
    [InlineData("  http://example.org/project  ", "http://example.org/project")]
    [InlineData("javascript:alert(9)", null)]
    [InlineData("JavaScript:alert(9)", null)]
    [InlineData("data:text/html,<script>alert(9)</script>", null)]
    [InlineData("ftp://example.org/file", null)]
    [InlineData("//example.org/no-scheme", null)]
    [InlineData("github.com/org/repo", null)]
    [InlineData("https://exa\tmple.org/", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void OnlyAbsoluteHttpAndHttpsUrlsAreKept(string? url, string? kept) => Assert.Equal(kept, HttpLink.OrNull(url));

    [Fact]
    public void AnHfEntryWithAScriptLinkImportsThePaperWithoutTheLink()
    {
        var json = """
            [{"paper": {"id": "2409.01234", "title": "T", "summary": "S", "authors": [{"name": "A"}], "publishedAt": "2024-09-02T00:00:00.000Z",
              "upvotes": 3, "githubRepo": "javascript:alert(9)", "projectPage": "data:text/html,x"},
              "publishedAt": "2024-09-02T00:00:00.000Z", "title": "T", "summary": "S", "thumbnail": "javascript:alert(1)", "numComments": 0}]
            """u8;

        var paper = Assert.Single(HfDailyParser.Parse(json, new DateOnly(2024, 9, 3)).Entries).Paper;

        Assert.Equal(("2409.01234", null, null, null), (paper.Id, paper.GithubRepo, paper.ProjectPage, paper.Thumbnail));
    }
}
