using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Paperboy.Ingest.HfDaily;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Infrastructure.TestPapers;

namespace Paperboy.Tests.Papers.Lists;

/// <summary>
/// The list cards as a reader sees them in Chromium, at desktop and phone widths, with HF's recorded day imported. These
/// machines are offline, as a reader's may be: every image must leave the card whole.
/// Set PAPERBOY_SCREENSHOTS=/some/folder to keep a screenshot of each page looked at.
/// </summary>
public sealed class PaperCardsInChromiumTests(Chromium chromium) : IClassFixture<Chromium>
{
    /// <summary>A 1×1 PNG: a served image whose own size is nothing like the box's.</summary>
    static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    static async Task<PaperboyFactory> HubWithDayAsync()
    {
        var app = await PaperboyFactory.StartServerAsync(Engine.Sqlite);
        await app.Services.GetRequiredService<HfDailyImporter>().ImportFilesAsync([SharedData.PathOf("hf-daily-papers", "2026-08-21.json")], null, default);
        return app;
    }

    /// <summary>A page at <paramref name="width"/> whose requests off the hub are answered by <paramref name="images"/> (true: a tiny PNG) or fail as offline.</summary>
    async Task<IPage> PageAsync(PaperboyFactory app, int width, bool images)
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.ServerAddress.ToString(), ViewportSize = new() { Width = width, Height = 900 } });
        context.SetDefaultTimeout(90_000);
        await context.RouteAsync(url => !url.StartsWith(app.ServerAddress.ToString(), StringComparison.Ordinal), async route =>
        {
            if (images) await route.FulfillAsync(new() { Status = 200, ContentType = "image/png", BodyBytes = TinyPng });
            else await route.AbortAsync("internetdisconnected");
        });
        return await context.NewPageAsync();
    }

    /// <summary>Scrolls through the page so every lazy image is asked for, and waits until each has loaded or failed.</summary>
    static async Task ScrollThroughAsync(IPage page)
    {
        await page.EvaluateAsync("async () => { for (let y = 0; y <= document.body.scrollHeight; y += 300) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); } window.scrollTo(0, 0); }");
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
    }

    static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PAPERBOY_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + "-top.png") });
        }
    }

    static Task<float[][]> CardBoxesAsync(IPage page) =>
        page.EvaluateAsync<float[][]>("() => [...document.querySelectorAll('article.paper-entry')].map(a => { const r = a.getBoundingClientRect(); return [r.x, r.y + window.scrollY, r.width, r.height]; })");

    [Theory]
    [InlineData(1200)]
    [InlineData(375)]
    public async Task CardsKeepTheirShapeWhetherTheirImagesLoadOrNot(int width)
    {
        await using var app = await HubWithDayAsync();
        var served = await PageAsync(app, width, images: true);
        var offline = await PageAsync(app, width, images: false);

        await served.GotoAsync("/papers/date/2026-08-21");
        await offline.GotoAsync("/papers/date/2026-08-21");
        await ScrollThroughAsync(served);
        await ScrollThroughAsync(offline);
        await ScreenshotAsync(served, $"cards-{width}-served");
        await ScreenshotAsync(offline, $"cards-{width}-offline");

        var loaded = await served.EvaluateAsync<int[]>("() => [...document.querySelectorAll('article.paper-entry img')].map(i => i.naturalWidth)");
        var failed = await offline.EvaluateAsync<int[]>("() => [...document.querySelectorAll('article.paper-entry img')].map(i => i.naturalWidth)");
        Assert.True(loaded.Length >= 17, $"{loaded.Length} images");
        Assert.All(loaded, w => Assert.Equal(1, w));
        Assert.All(failed, w => Assert.Equal(0, w));
        Assert.Equal(await CardBoxesAsync(served), await CardBoxesAsync(offline));
        var scrollWidth = await offline.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth}px wide on a {width}px screen");
    }

    [Theory]
    [InlineData(1200, 176, 92)]
    [InlineData(375, 0, 0)]
    public async Task ThumbnailsAreLazyAndOfOneFixedSize(int width, int thumbWidth, int thumbHeight)
    {
        await using var app = await HubWithDayAsync();
        var page = await PageAsync(app, width, images: false);

        await page.GotoAsync("/papers/date/2026-08-21");

        var thumbs = await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('.entry-thumb')].map(t => { const r = t.getBoundingClientRect(), i = t.querySelector('img'); return [String(Math.round(r.width)), String(Math.round(r.height)), i.loading, i.alt]; })");
        Assert.Equal(17, thumbs.Length);
        Assert.All(thumbs, t => Assert.Equal(["lazy", ""], t[2..]));
        Assert.Single(thumbs.Select(t => (t[0], t[1])).Distinct());
        if (thumbWidth > 0) Assert.Equal([thumbWidth.ToString(), thumbHeight.ToString()], thumbs[0][..2]);
        else
        {
            // On a phone the thumbnail spans the text column at HF's proportions (1200×630).
            var (w, h) = (double.Parse(thumbs[0][0]), double.Parse(thumbs[0][1]));
            Assert.InRange(w / h, 1.85, 1.96);
        }
    }

    [Theory]
    [InlineData(1200)]
    [InlineData(375)]
    public async Task TitlesLineUpWhateverTheVoteCountOnTrendingAndOnADay(int width)
    {
        await using var app = await HubWithDayAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.FeatureAsync(today, Paper("2609.00001", "One vote", 1), Paper("2609.00002", "Forty-two votes", 42), Paper("2609.00003", "Many votes", 12345));
        var page = await PageAsync(app, width, images: false);

        foreach (var url in new[] { "/papers/trending", "/papers/date/2026-08-21" })
        {
            await page.GotoAsync(url);
            await ScreenshotAsync(page, $"titles-{width}-{url.Split('/')[^1]}");
            var lefts = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('.entry-title')].map(t => Math.round(t.getBoundingClientRect().x))");
            Assert.True(lefts.Length >= 3, url);
            Assert.Single(lefts.Distinct());
        }
    }

    [Fact]
    public async Task AKeywordOnACardSearchesForItAndTheCardShowsItsOrganisationAndSummary()
    {
        await using var app = await HubWithDayAsync();
        var page = await PageAsync(app, 1200, images: false);
        await page.GotoAsync("/papers/date/2026-08-21");
        var card = page.Locator("article[data-paper-id='2608.19880']");

        Assert.Equal("Google", (await card.Locator(".entry-org").InnerTextAsync()).Trim());
        var summary = card.Locator(".entry-summary");
        var (height, lineHeight) = (await summary.EvaluateAsync<double>("e => e.getBoundingClientRect().height"),
            await summary.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)"));
        Assert.True(height <= 2 * lineHeight + 1, $"the summary is {height}px high, lines {lineHeight}px");
        await card.Locator(".entry-keywords").GetByRole(AriaRole.Link, new() { Name = "EnvRigger" }).ClickAsync();

        await page.WaitForURLAsync("**/search?q=%22EnvRigger%22");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "EnvHarness: Awakening Static Worlds for Agent Learning" })).ToBeVisibleAsync();
        Assert.Empty(chromium.Dialogs);
    }
}
