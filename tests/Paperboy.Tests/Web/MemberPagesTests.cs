using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Web;

/// <summary>
/// Signed-in members get list pages from one rendering shared by all of them (Web/MemberPages), each with their own
/// handle, form token and votes: what each member sees must be theirs alone, and voting from such a page must work.
/// </summary>
public abstract partial class MemberPagesTests(Engine engine)
{
    static readonly DateOnly Day = new(2026, 8, 21);

    [GeneratedRegex("""<article class="paper-entry[^"]*" data-paper-id="(?<id>[^"]+)".*?<button type="submit" class="(?<class>[^"]+)" aria-pressed="(?<pressed>[^"]+)".*?<span class="count">(?<count>\d+)</span>""", RegexOptions.Singleline)]
    private static partial Regex ListButton();

    /// <summary>Each paper of a list page with its button as the reader sees it: pressed or not, and the count.</summary>
    static Dictionary<string, (bool Pressed, int Count)> Buttons(string html) =>
        ListButton().Matches(html).ToDictionary(m => m.Groups["id"].Value,
            m => (m.Groups["pressed"].Value == "true" && m.Groups["class"].Value == "upvote voted", int.Parse(m.Groups["count"].Value)));

    static async Task<PaperboyFactory> StartWithVotesAsync(Engine engine)
    {
        var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2608.00001", "Speech at scale", featuredOn: Day, importedUpvotes: 10);
        await AddPaperAsync(app, "2608.00002", "Vision at scale", featuredOn: Day, importedUpvotes: 5);
        await AddPaperAsync(app, "hep-th/9901001", "Old strings", featuredOn: Day, importedUpvotes: 1);
        var (ada, _) = await AddUserAsync(app, "ada");
        var (bob, _) = await AddUserAsync(app, "bob");
        await AddUserAsync(app, "carol");
        // Votes stored before anyone signs in, as a day's earlier votes are: nobody's page is rendered afresh for them.
        await app.WithDbAsync(async db =>
        {
            db.AddRange(new Upvote { UserId = ada.Id, PaperId = "2608.00001", CreatedAt = DateTime.UtcNow },
                        new Upvote { UserId = bob.Id, PaperId = "2608.00002", CreatedAt = DateTime.UtcNow },
                        new Upvote { UserId = bob.Id, PaperId = "hep-th/9901001", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return app;
    }

    static async Task<HttpClient> MemberAsync(PaperboyFactory app, string handle)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(app, client, $"{handle}@example.org");
        return client;
    }

    [Fact]
    public async Task EachMemberSeesTheSharedDayPageWithTheirOwnHandleAndVotes()
    {
        await using var app = await StartWithVotesAsync(engine);
        var ada = await MemberAsync(app, "ada");
        var bob = await MemberAsync(app, "bob");
        var carol = await MemberAsync(app, "carol");

        var adas = await ada.GetStringAsync("/papers/date/2026-08-21");
        var bobs = await bob.GetStringAsync("/papers/date/2026-08-21");
        var carols = await carol.GetStringAsync("/papers/date/2026-08-21");

        Assert.Contains(">@ada</a>", adas);
        Assert.Contains(">@bob</a>", bobs);
        Assert.Contains(">@carol</a>", carols);
        Assert.DoesNotContain("@bob", adas);
        Assert.DoesNotContain("pbmember", adas + bobs + carols);
        Assert.DoesNotContain("pb-choice", adas + bobs + carols);
        Assert.Equal(new Dictionary<string, (bool, int)> { ["2608.00001"] = (true, 10), ["2608.00002"] = (false, 5), ["hep-th/9901001"] = (false, 1) }, Buttons(adas));
        Assert.Equal(new Dictionary<string, (bool, int)> { ["2608.00001"] = (false, 10), ["2608.00002"] = (true, 5), ["hep-th/9901001"] = (true, 1) }, Buttons(bobs));
        Assert.All(Buttons(carols).Values, b => Assert.False(b.Pressed));
        // Their forms carry their own tokens: each page's token differs.
        Assert.NotEqual(AntiforgeryToken(adas), AntiforgeryToken(bobs));
    }

    [Fact]
    public async Task AMemberVotesFromTheSharedPageAndSeesTheirVoteAndTheNewCountAtOnce()
    {
        await using var app = await StartWithVotesAsync(engine);
        var carol = await MemberAsync(app, "carol");
        var page = await carol.GetStringAsync("/papers/date/2026-08-21");

        var vote = await carol.PostAsync("/papers/2608.00002/upvote", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/papers/date/2026-08-21", ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
        var after = await carol.GetStringAsync("/papers/date/2026-08-21");

        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
        Assert.Equal((true, 6), Buttons(after)["2608.00002"]);
        Assert.Equal((false, 10), Buttons(after)["2608.00001"]);
    }

    [Fact]
    public async Task APaperFeaturedAfterAMemberLookedShowsOnTheirNextViewAndTrendingIsSharedToo()
    {
        await using var app = await StartWithVotesAsync(engine);
        var bob = await MemberAsync(app, "bob");
        var before = await bob.GetStringAsync("/papers/date/2026-08-21");

        await AddPaperAsync(app, "2608.00003", "Text at scale", featuredOn: Day, importedUpvotes: 3);
        var after = await bob.GetStringAsync("/papers/date/2026-08-21");
        var trending = await bob.GetStringAsync("/papers/trending");

        Assert.DoesNotContain("Text at scale", before);
        Assert.Contains("Text at scale", after);
        Assert.Contains(">@bob</a>", trending);
        Assert.Equal(2, Regex.Count(trending, """class="upvote voted" aria-pressed="true" title="\d+ upvotes?: take your vote back"""));
        Assert.Equal(2, Regex.Count(trending, """class="upvote" aria-pressed="false" title="\d+ upvotes?: upvote"""));
        Assert.DoesNotContain("pb-choice", trending);
    }
}

public sealed class SqliteMemberPagesTests() : MemberPagesTests(Engine.Sqlite);
public sealed class PostgresMemberPagesTests() : MemberPagesTests(Engine.Postgres);
