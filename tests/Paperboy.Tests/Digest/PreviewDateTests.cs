using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Digest;

/// <summary>The curator's digest preview answers any date with a readable page.</summary>
public class PreviewDateTests
{
    [Theory]
    [InlineData("0001-01-01", "date 0001-01-01 is out of range; give a day from 1991-01-01 on.")]
    [InlineData("9999-12-25", "No daily digest goes out on Saturday 9999-12-25.")]
    [InlineData("2026-02-30", "date '2026-02-30' is not a day like 2026-08-24.")]
    public async Task ADayAtTheEdgeOfTheCalendarIsAReadablePage(string date, string message)
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddUserAsync(app, "cora", UserRole.Curator);
        var curator = app.CreateClient();
        await SignInAsync(app, curator, "cora@example.org");

        var (response, page) = await Html.GetAsync(curator, $"/digest/preview?date={date}");

        Assert.True((int)response.StatusCode < 500, $"{date}: {(int)response.StatusCode}");
        Assert.Equal(message, page.QuerySelector(".message").Text());
    }
}
