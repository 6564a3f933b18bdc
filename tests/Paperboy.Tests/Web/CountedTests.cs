using Paperboy.Tests.Infrastructure;
using Paperboy.Web;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Web;

/// <summary>Counts read as English: one upvote, two upvotes.</summary>
public class CountedTests
{
    [Theory]
    [InlineData(0, "0 upvotes")]
    [InlineData(1, "1 upvote")]
    [InlineData(2, "2 upvotes")]
    public void ANounIsSingularForOne(int count, string text) => Assert.Equal(text, Counted.Of(count, "upvote"));

    [Fact]
    public async Task APaperWithOneVoteSaysOneUpvoteOnItsPage()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", importedUpvotes: 1);

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/papers/2409.01234");

        Assert.Equal("1 upvote: sign in to upvote", page.QuerySelector(".paper-meta .upvote")!.GetAttribute("title"));
    }

    [Fact]
    public async Task TheSearchBoxHintShowsItsQuotesOnce()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/search");

        Assert.Equal("words, \"phrases\", author:name, cat:cs.LG, -exclude, since:2026-01-01", page.QuerySelector("main input[name=q]")!.GetAttribute("placeholder"));
    }
}
