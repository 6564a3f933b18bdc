using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest.HfDaily;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Papers.Following;

/// <summary>The Following tab, organisation pages and their feeds, through the real API, pages and HF import, on each engine.</summary>
public abstract class FollowingTests(Engine engine)
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The recorded HF days, imported by the real importer.</summary>
    internal static async Task ImportHfAsync(PaperboyFactory app, params string[] days) =>
        Assert.Null((await app.Services.GetRequiredService<HfDailyImporter>()
            .ImportFilesAsync([.. days.Select(d => SharedData.PathOf("hf-daily-papers", $"{d}.json"))], null, CancellationToken.None)).Error);

    /// <summary>The arXiv ids of an organisation's entries on recorded HF days, newest day first (ids descending within a day).</summary>
    static string[] RecordedIdsOf(string org, params string[] days) =>
        days.OrderDescending().SelectMany(day => JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("hf-daily-papers", $"{day}.json"))).RootElement
            .EnumerateArray()
            .Where(e => OrganizationOf(e) == org)
            .Select(e => e.GetProperty("paper").GetProperty("id").GetString()!).OrderDescending(StringComparer.Ordinal)).ToArray();

    /// <summary>HF's name of an entry's organisation: on the paper, on the entry, or neither.</summary>
    static string? OrganizationOf(JsonElement entry) =>
        (entry.GetProperty("paper").TryGetProperty("organization", out var o) || entry.TryGetProperty("organization", out o)) && o.ValueKind == JsonValueKind.Object
            ? o.GetProperty("name").GetString() : null;

    static string[] PaperIds(AngleSharp.Dom.IDocument page, string list) =>
        page.QuerySelectorAll($"{list} article[data-paper-id]").Select(a => a.GetAttribute("data-paper-id")!).ToArray();

    /// <summary>A reader signed in with a cookie, as a browser would be.</summary>
    static async Task<HttpClient> SignedInAsync(PaperboyFactory app, string handle)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsync(app, client, $"{handle}@example.org");
        return client;
    }

    [Fact]
    public async Task TheFollowingTabShowsAFollowedPersonsUpvoteWithItsReasonAndDropsItAfterUnfollowing()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2612.00001", "Ana's pick", Today.AddDays(-1));
        await AddPaperAsync(app, "2612.00002", "Nobody's pick", Today.AddDays(-1));
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, ana) = await AddUserAsync(app, "ana");
        await ApiClient(app, ana).PostAsync("/api/papers/2612.00001/upvote", null);
        await ApiClient(app, ada).PutAsync("/api/follows/users/ana", null);
        var reader = await SignedInAsync(app, "ada");

        var (response, following) = await Html.GetAsync(reader, "/papers/following");
        await ApiClient(app, ada).DeleteAsync("/api/follows/users/ana");
        var (_, after) = await Html.GetAsync(reader, "/papers/following");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["2612.00001"], PaperIds(following, ".following-papers"));
        Assert.Contains("upvoted by @ana", following.QuerySelector(".following-papers article").Text());
        Assert.Empty(PaperIds(after, ".following-papers"));
        Assert.Contains("You follow nobody yet", after.QuerySelector(".empty").Text());
    }

    [Fact]
    public async Task TheFollowingTabSaysWhyEachPaperIsThereForOrganisationsAndAuthors()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2612.00003", "By LeCun", Today.AddDays(-2), authors: ["Yann LeCun", "Ada Lovelace"]);
        await AddPaperAsync(app, "2612.00004", "Unfeatured, by LeCun", publishedAt: DateTime.UtcNow.AddDays(-3), authors: ["Yann LeCun"]);
        await AddPaperAsync(app, "2612.00005", "From Google", Today);
        await AddPaperAsync(app, "2612.00006", "Old, by LeCun", Today.AddDays(-40), publishedAt: DateTime.UtcNow.AddDays(-41), authors: ["Yann LeCun"]);
        await app.WithDbAsync(async db =>
        {
            await db.Set<FeaturedPaper>().Where(f => f.PaperId == "2612.00005").ExecuteUpdateAsync(s => s.SetProperty(f => f.OrganizationName, "google"));
            await db.Set<Paper>().Where(p => p.Id == "2612.00005").ExecuteUpdateAsync(s => s.SetProperty(p => p.Organization, "Google"));
        });
        var (_, ada) = await AddUserAsync(app, "ada");
        await ApiClient(app, ada).PutAsync("/api/follows/authors/yann%20lecun", null);
        await ApiClient(app, ada).PutAsync("/api/follows/orgs/Google", null);

        var (_, page) = await Html.GetAsync(await SignedInAsync(app, "ada"), "/papers/following");

        Assert.Equal(["2612.00005", "2612.00003", "2612.00004"], PaperIds(page, ".following-papers"));
        var notes = page.QuerySelectorAll(".following-papers article").Select(a => a.Text()).ToArray();
        Assert.Contains("from Google (org)", notes[0]);
        Assert.Contains("by Yann LeCun", notes[1]);
        Assert.Contains("by Yann LeCun", notes[2]);
    }

    [Fact]
    public async Task SignedOutTheFollowingTabSendsToSignIn()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);

        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/papers/following");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fpapers%2Ffollowing", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnOrganisationsPageListsItsRecordedPapersNewestFirstWhateverTheCaseOfItsName()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportHfAsync(app, "2026-08-19", "2026-08-21");

        var (response, page) = await Html.GetAsync(app.CreateClient(), "/orgs/Tencent");
        var (_, paper) = await Html.GetAsync(app.CreateClient(), $"/papers/{RecordedIdsOf("tencent", "2026-08-21")[0]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RecordedIdsOf("tencent", "2026-08-19", "2026-08-21"), PaperIds(page, ".org-papers"));
        Assert.Equal("Tencent", page.QuerySelector("h1").Text());
        Assert.StartsWith("https://cdn-avatars.huggingface.co/", page.QuerySelector("img.org-avatar")!.GetAttribute("src"));
        Assert.Equal("0 followers", page.QuerySelector(".followers").Text());
        Assert.Equal("/orgs/tencent", paper.QuerySelector(".organization a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AnOrganisationsFeedIsAtomListingItsPapers()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await ImportHfAsync(app, "2026-08-19", "2026-08-21");

        var response = await app.CreateClient().GetAsync("/orgs/tencent/feed.atom");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Paperboy: papers from Tencent", feed.Element(Atom + "title")!.Value);
        Assert.Equal(RecordedIdsOf("tencent", "2026-08-19", "2026-08-21").Select(id => $"http://localhost/papers/{id}"),
            feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value));
    }

    [Fact]
    public async Task AnOrganisationWithoutPapersIsAReadable404()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);

        var (response, page) = await Html.GetAsync(app.CreateClient(), "/orgs/no-such-lab");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No papers from an organisation named 'no-such-lab' are here.", page.QuerySelector("main").Text());
    }
}

public sealed class SqliteFollowingTests() : FollowingTests(Engine.Sqlite);
public sealed class PostgresFollowingTests() : FollowingTests(Engine.Postgres);
