using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Infrastructure.TestPapers;

namespace Paperboy.Tests.Papers.Lists;

public abstract class ListPageTests(Engine engine)
{
    static readonly DateOnly Aug21 = new(2026, 8, 21);

    [Fact]
    public async Task ARecordedHfDayListsEveryTitleMostUpvotedFirst()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var entries = await app.LoadHfDayAsync("2026-08-21");

        var (response, page) = await Html.GetAsync(app.CreateClient(), "/papers/date/2026-08-21");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // HF's own order: every recorded day is most upvoted first (HfCompatibilityTests walks them all).
        var expected = entries.Select(e => e.GetProperty("paper").GetProperty("title").GetString()).ToList();
        Assert.Equal(expected.Count, page.QuerySelectorAll("article.paper-entry").Length);
        var titles = page.QuerySelectorAll("article.paper-entry .entry-title").Select(e => e.Text()).ToList();
        Assert.Equal(expected.Select(t => System.Text.RegularExpressions.Regex.Replace(t!, @"\s+", " ")), titles);
        Assert.Equal("Friday, August 21, 2026", page.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task AnEntryShowsShortenedAuthorsVotesCommentsAndLinks()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var many = Paper("2608.00001", "Many hands", 7, "A One", "B Two", "C Three", "D Four", "E Five");
        many.LocalUpvotes = 2;
        many.ImportedComments = 3;
        many.CommentCount = 1;
        await app.FeatureAsync(Aug21, many, Paper("hep-th/9901001", "Few hands", 1, "X Ray", "Y Ankee"));

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/papers/date/2026-08-21");

        var entry = page.QuerySelector("article.paper-entry[data-paper-id='2608.00001']")!;
        Assert.Equal("A One, B Two, C Three et al. (5 authors)", entry.QuerySelector(".authors").Text());
        Assert.Equal("▲ 9", entry.QuerySelector(".vote-slot").Text());
        Assert.Equal("4 comments", entry.QuerySelector(".comments").Text());
        Assert.Equal("/papers/2608.00001", entry.QuerySelector(".entry-title a")!.GetAttribute("href"));
        Assert.Equal("https://arxiv.org/abs/2608.00001", entry.QuerySelector("a.arxiv")!.GetAttribute("href"));
        var old = page.QuerySelector("article.paper-entry[data-paper-id='hep-th/9901001']")!;
        Assert.Equal("X Ray, Y Ankee", old.QuerySelector(".authors").Text());
        Assert.Equal("/papers/hep-th/9901001", old.QuerySelector(".entry-title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TiesInUpvotesKeepTheOrderPapersWereFeaturedIn()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.FeatureAsync(Aug21, Paper("2608.00003", "Third", 5), Paper("2608.00001", "First", 5), Paper("2608.00002", "Top", 9));

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/papers/date/2026-08-21");

        Assert.Equal(["Top", "Third", "First"], page.QuerySelectorAll(".entry-title").Select(e => e.Text()));
    }

    [Fact]
    public async Task AHiddenPaperIsNeverListed()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var hidden = Paper("2608.00002", "Spam", 99);
        hidden.Hidden = true;
        await app.FeatureAsync(Aug21, Paper("2608.00001", "Kept", 1), hidden);

        var (_, day) = await Html.GetAsync(app.CreateClient(), "/papers/date/2026-08-21");
        var (_, week) = await Html.GetAsync(app.CreateClient(), "/papers/week/2026-W34");

        Assert.Equal(["Kept"], day.QuerySelectorAll(".entry-title").Select(e => e.Text()));
        Assert.Equal(["Kept"], week.QuerySelectorAll(".entry-title").Select(e => e.Text()));
    }

    [Fact]
    public async Task AnEmptyDaySaysSoAndLinksTheNearestDaysWithPapers()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.FeatureAsync(new DateOnly(2026, 8, 14), Paper("2608.00001", "Before", 1));
        await app.FeatureAsync(new DateOnly(2026, 8, 25), Paper("2608.00002", "After", 1));

        var (response, page) = await Html.GetAsync(app.CreateClient(), "/papers/date/2026-08-21");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("article.paper-entry"));
        Assert.Contains("No papers on this day.", page.QuerySelector(".empty").Text());
        Assert.Equal("/papers/date/2026-08-14", page.QuerySelector("a.nearest-before")!.GetAttribute("href"));
        Assert.Equal("/papers/date/2026-08-25", page.QuerySelector("a.nearest-after")!.GetAttribute("href"));
        Assert.Equal("/papers/date/2026-08-14", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/papers/date/2026-08-25", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task WeekAndMonthListTheirDaysWithCalendarNavigation()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.FeatureAsync(new DateOnly(2026, 8, 17), Paper("2608.00001", "Monday of W34", 1));
        await app.FeatureAsync(new DateOnly(2026, 8, 23), Paper("2608.00002", "Sunday of W34", 5));
        await app.FeatureAsync(new DateOnly(2026, 8, 24), Paper("2608.00003", "Monday of W35", 3));
        await app.FeatureAsync(new DateOnly(2026, 9, 1), Paper("2609.00001", "September", 3));
        var client = app.CreateClient();

        var (_, week) = await Html.GetAsync(client, "/papers/week/2026-W34");
        var (_, month) = await Html.GetAsync(client, "/papers/month/2026-08");

        Assert.Equal(["Sunday of W34", "Monday of W34"], week.QuerySelectorAll(".entry-title").Select(e => e.Text()));
        Assert.Equal("Week 34 of 2026 (Aug 17 – Aug 23)", week.QuerySelector("h1").Text());
        Assert.Equal("/papers/week/2026-W33", week.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/papers/week/2026-W35", week.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["Sunday of W34", "Monday of W35", "Monday of W34"], month.QuerySelectorAll(".entry-title").Select(e => e.Text()));
        Assert.Equal("August 2026", month.QuerySelector("h1").Text());
        Assert.Equal("/papers/month/2026-07", month.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/papers/month/2026-09", month.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheFrontPageShowsTheLatestDayWithPapers()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.FeatureAsync(new DateOnly(2026, 8, 20), Paper("2608.00001", "Older", 1));
        await app.FeatureAsync(Aug21, Paper("2608.00002", "Latest", 1));

        var (response, page) = await Html.GetAsync(app.CreateClient(), "/papers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Latest"], page.QuerySelectorAll(".entry-title").Select(e => e.Text()));
        Assert.Equal("Daily papers: Friday, August 21, 2026", page.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task AVoteShowsOnReloadOnceTheDataVersionMoves()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.FeatureAsync(Aug21, Paper("2608.00001", "Voted on", 4));
        var client = app.CreateClient();
        var (_, before) = await Html.GetAsync(client, "/papers/date/2026-08-21");

        await app.WithDbAsync(db => db.Set<Paper>().Where(p => p.Id == "2608.00001")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LocalUpvotes, p => p.LocalUpvotes + 1)));
        app.Services.GetRequiredService<DataVersion>().Bump();
        var (_, after) = await Html.GetAsync(client, "/papers/date/2026-08-21");

        Assert.Equal("▲ 4", before.QuerySelector(".vote-slot").Text());
        Assert.Equal("▲ 5", after.QuerySelector(".vote-slot").Text());
    }

    [Fact]
    public async Task AChangeSavedThroughEfShowsOnReloadWithoutAnExplicitBump()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.FeatureAsync(Aug21, Paper("2608.00001", "Before the edit", 4));
        var client = app.CreateClient();
        var (_, before) = await Html.GetAsync(client, "/papers/date/2026-08-21");

        await app.WithDbAsync(async db =>
        {
            var paper = await db.Set<Paper>().AsTracking().SingleAsync(p => p.Id == "2608.00001");
            paper.Title = "After the edit";
            paper.LocalUpvotes = 3;
            await db.SaveChangesAsync();
        });
        var (_, after) = await Html.GetAsync(client, "/papers/date/2026-08-21");

        Assert.Equal("Before the edit", before.QuerySelector(".entry-title").Text());
        Assert.Equal("After the edit", after.QuerySelector(".entry-title").Text());
        Assert.Equal("▲ 7", after.QuerySelector(".vote-slot").Text());
    }

    static async Task AddImportRunsAsync(PaperboyFactory app) => await app.WithDbAsync(async db =>
    {
        var at = new DateTime(2026, 8, 21, 9, 0, 0, DateTimeKind.Utc);
        db.Add(new ImportRun { Source = "hf-daily", Scope = "a", Status = ImportStatus.Succeeded, StartedAt = at, FinishedAt = at, New = 3 });
        db.Add(new ImportRun { Source = "hf-daily", Scope = "b", Status = ImportStatus.Failed, StartedAt = at.AddHours(1), FinishedAt = at.AddHours(1),
            Error = "huggingface.co could not be reached" });
        db.Add(new ImportRun { Source = "snapshot", Scope = "c", Status = ImportStatus.Succeeded, StartedAt = at, FinishedAt = at, New = 12, Updated = 2 });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ReadersSeeWhenPapersWereLastImportedButNotWhyAnImportFailed()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddImportRunsAsync(app);

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/papers/date/2026-08-21");

        Assert.Equal(("Papers last imported 2026-08-21 09:00 UTC.", false),
            (page.QuerySelector(".import-status").Text(), page.Body!.TextContent.Contains("could not be reached")));
    }

    [Fact]
    public async Task AdminsSeeWhenEachSourceLastRanAndWhyItFailed()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddImportRunsAsync(app);
        await Community.CommunityTestData.AddUserAsync(app, "ada", UserRole.Admin);
        var admin = app.CreateClient();
        await Community.CommunityTestData.SignInAsync(app, admin, "ada@example.org");

        var (_, page) = await Html.GetAsync(admin, "/papers/date/2026-08-21");

        Assert.Equal("hf-daily: last import failed 2026-08-21 10:00 UTC: huggingface.co could not be reached",
            page.QuerySelector(".import-run[data-source=hf-daily]").Text());
        Assert.Equal("snapshot: last import 2026-08-21 09:00 UTC (12 new, 2 updated).",
            page.QuerySelector(".import-run[data-source=snapshot]").Text());
    }

    [Theory]
    [InlineData("/papers/date/2026-02-30", "'2026-02-30' is not a date; expected YYYY-MM-DD, e.g. 2026-08-21.")]
    [InlineData("/papers/date/yesterday", "'yesterday' is not a date; expected YYYY-MM-DD, e.g. 2026-08-21.")]
    [InlineData("/papers/week/2026-W60", "'2026-W60': 2026 has weeks W01 to W53.")]
    [InlineData("/papers/week/2025-W53", "'2025-W53': 2025 has weeks W01 to W52.")]
    [InlineData("/papers/month/2026-13", "'2026-13' is not a month; expected YYYY-MM, e.g. 2026-08.")]
    public async Task AnInvalidPeriodGivesAReadable400Page(string url, string message)
    {
        await using var app = await PaperboyFactory.StartAsync(engine);

        var (response, page) = await Html.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(message, page.QuerySelector(".message").Text());
    }

    [Fact]
    public async Task AnAddressUnderAListThatDoesNotExistIsNotFound()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);

        var response = await app.CreateClient().GetAsync("/papers/date/2026-08-21/nothing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class SqliteListPageTests() : ListPageTests(Engine.Sqlite);
public sealed class PostgresListPageTests() : ListPageTests(Engine.Postgres);
