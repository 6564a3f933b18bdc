using Paperboy.Ingest.HfDaily;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Infrastructure.TestPapers;

namespace Paperboy.Tests.Papers;

public abstract class PaperPageTests(Engine engine)
{
    /// <summary>The page of 2608.19880 (EnvHarness) after importing the recorded Hugging Face day of 21 August 2026.</summary>
    async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> GetTheRecordedPaperPageAsync()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.LoadHfDayAsync("2026-08-21");

        return await Html.GetAsync(app.CreateClient(), "/papers/2608.19880");
    }

    [Fact]
    public async Task ARecordedPaperHasAPageTitledByIt()
    {
        var (response, page) = await GetTheRecordedPaperPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("EnvHarness: Awakening Static Worlds for Agent Learning", page.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task APaperPageListsEveryAuthorInOrder()
    {
        var (_, page) = await GetTheRecordedPaperPageAsync();

        var authors = page.QuerySelector(".authors").Text();
        Assert.StartsWith("Chengsong Huang, Zifeng Wang, Rujun Han,", authors);
        Assert.EndsWith("Tomas Pfister, Chen-Yu Lee", authors);
        Assert.Equal(17, authors.Split(", ").Length);
    }

    [Fact]
    public async Task APaperPageShowsTheAbstract()
    {
        var (_, page) = await GetTheRecordedPaperPageAsync();

        Assert.StartsWith("LLM agents learn by interacting with environments", page.QuerySelector(".abstract p").Text());
    }

    [Fact]
    public async Task APaperPageLinksToTheAbstractAndThePdfOnArxiv()
    {
        var (_, page) = await GetTheRecordedPaperPageAsync();

        Assert.Equal("https://arxiv.org/abs/2608.19880", page.QuerySelector("a.abs")!.GetAttribute("href"));
        Assert.Equal("https://arxiv.org/pdf/2608.19880", page.QuerySelector("a.pdf")!.GetAttribute("href"));
    }

    [Fact]
    public async Task APaperPageLinksToTheCodeWithItsStarsAndToTheProjectPage()
    {
        var (_, page) = await GetTheRecordedPaperPageAsync();

        Assert.Equal("https://github.com/google-research/envharness", page.QuerySelector("a.code")!.GetAttribute("href"));
        Assert.Equal("★ 8", page.QuerySelector(".stars").Text());
        Assert.Equal("https://envharness.com/", page.QuerySelector("a.project")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AnHfPaperPageShowsItsOrganizationAndKeywordsAsSearchesAndNoEmptyCategories()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.Services.GetRequiredService<HfDailyImporter>()
            .ImportFilesAsync([SharedData.PathOf("hf-daily-papers", "2026-08-21.json")], null, CancellationToken.None);

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/papers/2608.19880");

        Assert.Equal("Google", page.QuerySelector(".organization").Text());
        Assert.Equal("/search?q=%22LLM%20agents%22", page.QuerySelector(".keywords a")!.GetAttribute("href"));
        Assert.Equal(8, page.QuerySelectorAll(".keywords a").Length);
        Assert.Null(page.QuerySelector(".categories"));
    }

    [Fact]
    public async Task APaperPageSaysWhenAndByWhomItWasFeaturedAndLinksToThatDay()
    {
        var (_, page) = await GetTheRecordedPaperPageAsync();

        Assert.Equal("Featured on Friday, August 21, 2026 by taesiri (from Hugging Face)", page.QuerySelector(".featured").Text());
        Assert.Equal("/papers/date/2026-08-21", page.QuerySelector(".featured a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task APaperPageShowsItsUpvotes()
    {
        var (_, page) = await GetTheRecordedPaperPageAsync();

        Assert.Equal(("▲ 163", "163 upvotes: sign in to upvote", 1), (page.QuerySelector(".paper-meta .upvote").Text(),
            page.QuerySelector(".paper-meta .upvote")!.GetAttribute("title"), page.QuerySelectorAll(".paper .count").Length)); // once
    }

    [Fact]
    public async Task AnOldStyleIdWithASlashHasItsPageAndItsCategories()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var paper = Paper("hep-th/9901001", "Strings $\\alpha'$", 1, "Ed Witten");
        paper.Categories = ["hep-th", "gr-qc"];
        paper.Abstract = "Line one\n  line two with $x^2$ and <b>tags</b>.";
        await app.FeatureAsync(new DateOnly(2026, 8, 21), paper);

        var (response, page) = await Html.GetAsync(app.CreateClient(), "/papers/hep-th/9901001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Strings α'", page.QuerySelector("h1").Text());
        Assert.Equal("hep-th, gr-qc", page.QuerySelector(".categories").Text());
        var abstractParagraph = page.QuerySelector(".abstract p")!;
        Assert.Equal("Line one line two with x2 and <b>tags</b>.", abstractParagraph.Text());
        Assert.Equal("2", abstractParagraph.QuerySelector("sup").Text());
        Assert.Null(abstractParagraph.QuerySelector("b"));
        Assert.Equal("Featured on Friday, August 21, 2026 by Cora Curator", page.QuerySelector(".featured").Text());
    }

    [Theory]
    [InlineData("/papers/2608.00001v3", "/papers/2608.00001")]
    [InlineData("/papers/hep-th/9901001v2", "/papers/hep-th/9901001")]
    [InlineData("/papers/arXiv:2608.00001", "/papers/2608.00001")]
    public async Task AVersionedIdRedirectsToTheBareOne(string url, string location)
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/papers/2608.99999", "There is no paper 2608.99999 here yet.")]
    [InlineData("/papers/not-an-id", "'not-an-id' is not an arXiv id; they look like 2409.01234 or hep-th/9901001.")]
    [InlineData("/papers/2608.00002", "There is no paper 2608.00002 here yet.")]
    public async Task AnUnknownOrHiddenPaperIsAReadable404Page(string url, string message)
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var hidden = Paper("2608.00002", "Hidden", 1);
        hidden.Hidden = true;
        await app.FeatureAsync(new DateOnly(2026, 8, 21), hidden);

        var (response, page) = await Html.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(message, page.QuerySelector(".message").Text());
        Assert.Equal("Not found", page.QuerySelector("h1").Text());
    }
}

public sealed class SqlitePaperPageTests() : PaperPageTests(Engine.Sqlite);
public sealed class PostgresPaperPageTests() : PaperPageTests(Engine.Postgres);
