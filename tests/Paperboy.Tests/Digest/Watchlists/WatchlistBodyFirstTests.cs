using System.Net.Http.Json;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Digest.Watchlists;

/// <summary>The watch-list API checks what it was sent before whether the account is subscribed.</summary>
public class WatchlistBodyFirstTests
{
    [Fact]
    public async Task AnUnparseableQueryIsA400NamingTheQueryEvenWhenNotSubscribed()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var (_, token) = await AddUserAsync(app, "ada");

        var response = await ApiClient(app, token).PostAsJsonAsync("/api/account/watchlists", new { query = "-diffusion" });

        await Community.CommentApiTests.AssertProblem(response, 400, "query",
            "A watch-list needs something to look for (a word, \"phrase\", author: or cat:), not only exclusions (-word) or dates.");
    }

    [Fact]
    public async Task AGoodQueryFromAnAccountWithoutADigestIsA409()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        var (_, token) = await AddUserAsync(app, "ada");

        var response = await ApiClient(app, token).PostAsJsonAsync("/api/account/watchlists", new { query = "activation steering" });

        Assert.Equal(409, (int)response.StatusCode);
    }
}
