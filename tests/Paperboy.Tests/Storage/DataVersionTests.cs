using System.Net.Http.Json;
using System.Text.Json;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Storage;

/// <summary>The stamp cached pages are keyed by: structural changes move it at once, counts within a delay, once for many.</summary>
public class DataVersionTests
{
    [Fact]
    public void ManyCountsMoveTheStampOnceAfterTheDelay()
    {
        var version = new DataVersion { CountsDelay = TimeSpan.FromMilliseconds(200) };
        var before = version.Current;

        for (var i = 0; i < 50; i++) version.BumpCounts();
        var during = version.Current;
        Thread.Sleep(300);

        Assert.Equal((before, before + 1), (during, version.Current));
    }

    [Fact]
    public void AStructuralChangeMovesTheStampAtOnce()
    {
        var version = new DataVersion();
        var before = version.Current;
        version.Bump();
        Assert.Equal(before + 1, version.Current);
    }

    [Fact]
    public async Task WithTheHubsDefaultDelayAnAnonymousCachedListShowsAVoteAfterIt()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?> { ["Paperboy:Feed:CountsDelay"] = "00:00:01" });
        await AddPaperAsync(app, "2409.01234", featuredOn: new DateOnly(2026, 8, 21));
        var (_, token) = await AddUserAsync(app, "ada");
        var reader = app.CreateClient();
        await reader.GetStringAsync("/api/daily_papers?date=2026-08-21"); // cached with 0 votes

        await ApiClient(app, token).PostAsync("/api/papers/2409.01234/upvote", null);

        var upvotes = await Eventually.WaitForAsync(async () => (await reader.GetFromJsonAsync<JsonElement>("/api/daily_papers?date=2026-08-21"))[0]
            .GetProperty("paper").GetProperty("upvotes").GetInt32(), n => n == 1, TimeSpan.FromSeconds(3), "the vote on the cached list", TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, upvotes);
    }
}
