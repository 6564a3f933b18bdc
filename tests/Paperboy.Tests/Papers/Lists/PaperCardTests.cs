using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest.Arxiv;
using Paperboy.Ingest;
using Paperboy.Ingest.HfDaily;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Papers.Lists;

/// <summary>What a list card and a paper page show of HF's fields and of the keywords computed at import.</summary>
public abstract class PaperCardTests(Engine engine)
{
    const string EnvHarness = "2608.19880";

    static Task<ImportSummary> ImportHfDayAsync(PaperboyFactory app, string day) =>
        app.Services.GetRequiredService<HfDailyImporter>().ImportFilesAsync([SharedData.PathOf("hf-daily-papers", $"{day}.json")], null, default);

    static IElement Card(IDocument page, string id) => page.QuerySelector($"article.paper-entry[data-paper-id='{id}']")
        ?? throw new Xunit.Sdk.XunitException($"no card for {id}");

    [Fact]
    public async Task AnHfCardShowsOrganisationSummaryKeywordsCodeProjectAndALazyThumbnailOfFixedSize()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportHfDayAsync(app, "2026-08-21");

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/papers/date/2026-08-21");
        var card = Card(page, EnvHarness);

        Assert.Equal("Google", card.QuerySelector(".entry-org").Text());
        Assert.Equal("/orgs/google", card.QuerySelector(".entry-org a.org-name")!.GetAttribute("href"));
        var avatar = card.QuerySelector(".entry-org img")!;
        Assert.Equal(("https://cdn-avatars.huggingface.co/v1/production/uploads/5dd96eb166059660ed1ee413/WtA3YYitedOr9n02eHfJe.png", "lazy", "", "20", "20"),
            (avatar.GetAttribute("src"), avatar.GetAttribute("loading"), avatar.GetAttribute("alt"), avatar.GetAttribute("width"), avatar.GetAttribute("height")));
        Assert.Equal("EnvHarness and EnvRigger dynamically reshape static environments via programmable plugins to target agent weaknesses and improve reinforcement learning co-evolution.",
            card.QuerySelector(".entry-summary").Text());
        Assert.Equal(["LLM agents", "Environment Harness", "EnvHarness", "EnvRigger", "black-box policy"], card.QuerySelectorAll(".entry-keywords a").Select(a => a.Text()));
        Assert.Equal("/search?q=%22LLM%20agents%22", card.QuerySelector(".entry-keywords a")!.GetAttribute("href"));
        Assert.Equal("https://github.com/google-research/envharness", card.QuerySelector("a.code")!.GetAttribute("href"));
        Assert.Equal("★ 8", card.QuerySelector(".stars").Text());
        Assert.Equal("https://envharness.com/", card.QuerySelector("a.project")!.GetAttribute("href"));
        var thumb = card.QuerySelector(".entry-thumb img")!;
        Assert.Equal(("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.19880.png", "lazy", "", "176", "92"),
            (thumb.GetAttribute("src"), thumb.GetAttribute("loading"), thumb.GetAttribute("alt"), thumb.GetAttribute("width"), thumb.GetAttribute("height")));
    }

    [Fact]
    public async Task AnArxivPaperShowsTheKeywordsComputedAtImportOnItsCardAndPageAsSearchLinks()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var runner = app.Services.GetRequiredService<ImportRunner>();
        await new SnapshotImporter(runner).ImportAsync(SharedData.PathOf("arxiv-snapshot", "snapshot-head200.jsonl"), null, default);
        var stored = await app.WithDbAsync(async db =>
        {
            db.Add(new FeaturedPaper { PaperId = "0704.0001", Day = new DateOnly(2007, 4, 3), FeaturedAt = new DateTime(2007, 4, 3, 6, 0, 0, DateTimeKind.Utc), Source = FeaturedSource.Curator, SubmittedBy = "curator" });
            await db.SaveChangesAsync();
            return await db.Set<Paper>().SingleAsync(p => p.Id == "0704.0001");
        });
        app.Services.GetRequiredService<DataVersion>().Bump();

        Assert.Contains("perturbative quantum chromodynamics", stored.Keywords);
        Assert.Empty(stored.AiKeywords);
        var (_, list) = await Html.GetAsync(app.CreateClient(), "/papers/date/2007-04-03");
        var card = Card(list, "0704.0001");
        Assert.Equal(stored.Keywords.Take(5), card.QuerySelectorAll(".entry-keywords a").Select(a => a.Text()));
        Assert.Equal("A fully differential calculation in perturbative quantum chromodynamics is presented for the production of massive photon pairs at hadron colliders.",
            card.QuerySelector(".entry-summary").Text());
        Assert.Null(card.QuerySelector(".entry-thumb"));
        var (_, paperPage) = await Html.GetAsync(app.CreateClient(), "/papers/0704.0001");
        var links = paperPage.QuerySelectorAll("dd.keywords a");
        Assert.Equal(stored.Keywords, links.Select(a => a.Text()));
        Assert.Equal("/search?q=" + Uri.EscapeDataString("\"perturbative quantum chromodynamics\""), links.Single(a => a.Text() == "perturbative quantum chromodynamics").GetAttribute("href"));
    }

    [Fact]
    public async Task HfKeywordsAreShownWhereHfHasThemAndComputedOnesAreKeptApart()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportHfDayAsync(app, "2026-08-21");
        var stored = await app.WithDbAsync(db => db.Set<Paper>().SingleAsync(p => p.Id == EnvHarness));

        var (_, page) = await Html.GetAsync(app.CreateClient(), $"/papers/{EnvHarness}");

        Assert.Equal(stored.AiKeywords, page.QuerySelectorAll("dd.keywords a").Select(a => a.Text()));
        Assert.Equal(8, stored.AiKeywords.Count);
        Assert.Contains("EnvRigger", stored.Keywords);
    }

    [Fact]
    public async Task HostileImportedAddressesNeverBecomeLinksOrImages()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var day = new DateOnly(2026, 8, 21);
        await app.WithDbAsync(async db =>
        {
            var paper = TestPapers.Paper("2608.00666", "Hostile addresses", 5);
            paper.GithubRepo = "javascript:alert(1)";
            paper.GithubStars = 3;
            paper.ProjectPage = " JavaScript:alert(2)";
            paper.Thumbnail = "data:image/svg+xml,<svg onload=alert(3)>";
            paper.Organization = "Evil Org";
            db.Add(paper);
            db.Add(new FeaturedPaper { PaperId = paper.Id, Day = day, FeaturedAt = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Source = FeaturedSource.Curator, OrganizationAvatar = "javascript:alert(4)" });
            await db.SaveChangesAsync();
        });

        foreach (var url in new[] { "/papers/date/2026-08-21", "/papers/2608.00666" })
        {
            var (_, page) = await Html.GetAsync(app.CreateClient(), url);
            var addresses = page.QuerySelectorAll("[href], [src]").Select(e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Trim());
            Assert.DoesNotContain(addresses, a => a.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || a.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        }
        var (_, list) = await Html.GetAsync(app.CreateClient(), "/papers/date/2026-08-21");
        var card = Card(list, "2608.00666");
        Assert.Empty(card.QuerySelectorAll("img"));
        Assert.Equal("Evil Org", card.QuerySelector(".entry-org").Text());
        Assert.False(card.ClassList.Contains("has-thumb"));
    }
}

public sealed class SqlitePaperCardTests() : PaperCardTests(Engine.Sqlite);
public sealed class PostgresPaperCardTests() : PaperCardTests(Engine.Postgres);
