using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;
using static Paperboy.Tests.Community.CommentApiTests;

namespace Paperboy.Tests.Community;

public class CuratorApiTests
{
    [Fact]
    public async Task ACuratorFeaturesAPaperOnAnyDayMovesItAndTakesItOff()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "cora", UserRole.Curator);
        var client = ApiClient(app, token);

        var put = await client.PutAsJsonAsync("/api/papers/2409.01234/featured", new { day = "2026-08-20" });
        var moved = await client.PutAsJsonAsync("/api/papers/2409.01234/featured", new { day = "2026-08-21" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var featured = await app.WithDbAsync(db => db.Set<FeaturedPaper>().SingleAsync());
        Assert.Equal(new DateOnly(2026, 8, 21), featured.Day);
        Assert.Equal(FeaturedSource.Curator, featured.Source);
        Assert.Equal("cora", featured.SubmittedBy);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/papers/2409.01234/featured")).StatusCode);
        await AssertProblem(await client.DeleteAsync("/api/papers/2409.01234/featured"), 404, "id", "Paper '2409.01234' is on no day's list.");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<FeaturedPaper>().CountAsync()));
    }

    [Fact]
    public async Task AHiddenPaperCannotBeVotedOnOrDiscussedUntilShownAgain()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, curator) = await AddUserAsync(app, "cora", UserRole.Admin);
        var (_, member) = await AddUserAsync(app, "ada");

        Assert.Equal(HttpStatusCode.NoContent, (await ApiClient(app, curator).PutAsync("/api/papers/2409.01234/hidden", null)).StatusCode);
        Assert.True((await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask()))!.Hidden);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiClient(app, member).PostAsync("/api/papers/2409.01234/upvote", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiClient(app, null).GetAsync("/api/papers/2409.01234/comments")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ApiClient(app, curator).DeleteAsync("/api/papers/2409.01234/hidden")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiClient(app, member).PostAsync("/api/papers/2409.01234/upvote", null)).StatusCode);
    }

    [Fact]
    public async Task MembersGet403AndStrangers401ForACuratorsJob()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, member) = await AddUserAsync(app, "ada");

        var feature = await ApiClient(app, member).PutAsJsonAsync("/api/papers/2409.01234/featured", new { day = "2026-08-21" });
        var hide = await ApiClient(app, member).PutAsync("/api/papers/2409.01234/hidden", null);
        var stranger = await ApiClient(app, null).PutAsync("/api/papers/2409.01234/hidden", null);
        var badToken = await ApiClient(app, "pb_1_x").DeleteAsync("/api/papers/2409.01234/featured");

        Assert.Equal(HttpStatusCode.Forbidden, feature.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hide.StatusCode);
        Assert.Equal("application/problem+json", hide.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        Assert.False((await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask()))!.Hidden);
    }

    [Fact]
    public async Task BadDaysAndUnknownPapersAreProblemsNamingTheParameter()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "cora", UserRole.Curator);
        var client = ApiClient(app, token);

        await AssertProblem(await client.PutAsJsonAsync("/api/papers/2409.01234/featured", new { day = "2026-02-30" }), 400, "day",
            "'2026-02-30' is not a day; use YYYY-MM-DD.");
        await AssertProblem(await client.PutAsJsonAsync("/api/papers/2409.99999/featured", new { day = "2026-02-28" }), 404, "id",
            "There is no paper 2409.99999 here.");
        await AssertProblem(await client.PutAsync("/api/papers/2409.99999/hidden", null), 404, "id", "There is no paper 2409.99999 here.");
    }
}
