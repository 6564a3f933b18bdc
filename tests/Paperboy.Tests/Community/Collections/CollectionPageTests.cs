using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Community.Collections;

/// <summary>Collections' pages and feeds: what their owner sees, and that a private one shows to nobody else anywhere.</summary>
public class CollectionPageTests
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    static async Task<long> CreateWithPaperAsync(PaperboyFactory app, string token, string name, bool isPublic, string paperId, string note, params string[] tags)
    {
        var client = ApiClient(app, token);
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/collections", new { name, @public = isPublic }))).GetProperty("id").GetInt64();
        await client.PutAsJsonAsync($"/api/collections/{id}/papers/{paperId}", new { note, tags });
        return id;
    }

    [Fact]
    public async Task APrivateCollectionIsNotFoundForOthersOnItsPageTheListAndTheFeed()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "A secret favourite");
        var (_, ada) = await AddUserAsync(app, "ada");
        await AddUserAsync(app, "bob");
        var id = await CreateWithPaperAsync(app, ada, "Secret list", false, "2409.01234", "shh");
        var bob = app.CreateClient();
        await SignInAsync(app, bob, "bob@example.org");
        var owner = app.CreateClient();
        await SignInAsync(app, owner, "ada@example.org");

        var page = await bob.GetAsync($"/u/ada/collections/{id}");
        var list = await bob.GetStringAsync("/u/ada/collections");
        var anonymousPage = await app.CreateClient().GetAsync($"/u/ada/collections/{id}");
        var ownersFeed = await owner.GetAsync($"/u/ada/collections/{id}/feed.atom");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Secret list", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Secret list", list);
        Assert.Equal(HttpStatusCode.NotFound, anonymousPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ownersFeed.StatusCode);
    }

    [Fact]
    public async Task TheOwnerSeesTheirPrivateCollectionWithNotesTagsAndExportLinks()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "hep-th/9901001", "Old strings");
        var (_, ada) = await AddUserAsync(app, "ada");
        var id = await CreateWithPaperAsync(app, ada, "Secret list", false, "hep-th/9901001", "Read §2 first", "strings", "classic");
        var owner = app.CreateClient();
        await SignInAsync(app, owner, "ada@example.org");

        var (response, page) = await Html.GetAsync(owner, $"/u/ada/collections/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Secret list", page.QuerySelector("h1").Text());
        var item = page.QuerySelector("li.collection-paper[data-paper-id='hep-th/9901001']")!;
        Assert.Equal("Old strings", item.QuerySelector("h3").Text());
        Assert.Equal("Read §2 first", item.QuerySelector(".note").Text());
        Assert.Equal(["strings", "classic"], item.QuerySelectorAll(".tag").Select(t => t.Text()));
        Assert.Equal([$"/api/collections/{id}/export?format=bibtex", $"/api/collections/{id}/export?format=ris", $"/api/collections/{id}/export?format=csljson"],
            page.QuerySelectorAll(".exports a").Select(a => a.GetAttribute("href")));
        Assert.Null(page.QuerySelector("link[type='application/atom+xml']"));
        Assert.StartsWith("@misc{", await owner.GetStringAsync($"/api/collections/{id}/export?format=bibtex"));
    }

    [Fact]
    public async Task APublicCollectionHasAnAtomFeedOfItsPapersWithTheirNotes()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "A shared favourite", abstractText: "What it does.");
        var (_, ada) = await AddUserAsync(app, "ada");
        var id = await CreateWithPaperAsync(app, ada, "Reading group", true, "2409.01234", "For Tuesday", "week-1");
        var client = app.CreateClient();

        var (_, page) = await Html.GetAsync(client, $"/u/ada/collections/{id}");
        var response = await client.GetAsync($"/u/ada/collections/{id}/feed.atom");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal($"/u/ada/collections/{id}/feed.atom", page.QuerySelector("link[type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Reading group (a collection of @ada)", feed.Root!.Element(Atom + "title")!.Value);
        var entry = Assert.Single(feed.Root.Elements(Atom + "entry"));
        Assert.Equal("A shared favourite", entry.Element(Atom + "title")!.Value);
        Assert.Equal("For Tuesday\n\nWhat it does.", entry.Element(Atom + "summary")!.Value);
        Assert.Equal("week-1", entry.Element(Atom + "category")!.Attribute("term")!.Value);
    }

    [Fact]
    public async Task ACollectionAddressedUnderSomeoneElsesHandleIsNotFound()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, ada) = await AddUserAsync(app, "ada");
        await AddUserAsync(app, "bob");
        var id = await CreateWithPaperAsync(app, ada, "Reading group", true, "2409.01234", "");

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/u/bob/collections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/u/bob/collections/{id}/feed.atom")).StatusCode);
    }

    [Fact]
    public async Task SavingFromThePaperPageFormIntoANewCollectionCreatesItAndGoesThere()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "Worth keeping");
        await AddUserAsync(app, "ada");
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(app, client, "ada@example.org");
        var paperPage = await client.GetStringAsync("/papers/2409.01234");

        var response = await client.PostAsync("/papers/2409.01234/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["collection"] = "", ["name"] = "To read", ["note"] = "later", ["tags"] = "a, b ,", ["__RequestVerificationToken"] = AntiforgeryToken(paperPage),
        }));

        var collection = await app.WithDbAsync(db => db.Set<PaperCollection>().SingleAsync());
        var entry = await app.WithDbAsync(db => db.Set<CollectionEntry>().SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/u/ada/collections/{collection.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("To read", false), (collection.Name, collection.IsPublic));
        Assert.Equal(["a", "b"], entry.Tags);
    }

    [Fact]
    public async Task TheOwnerRenamesMakesPublicAndDeletesACollectionFromItsPage()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "Worth keeping");
        var (_, ada) = await AddUserAsync(app, "ada");
        var id = await CreateWithPaperAsync(app, ada, "Drafts", false, "2409.01234", "a note");
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(app, client, "ada@example.org");
        var page = await client.GetStringAsync($"/u/ada/collections/{id}");

        var changed = await client.PostAsync($"/collections/{id}/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Reading group", ["public"] = "true", ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
        var seenByAnyone = await app.CreateClient().GetStringAsync($"/u/ada/collections/{id}");
        var blankName = await client.PostAsync($"/collections/{id}/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = " ", ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
        var deleted = await client.PostAsync($"/collections/{id}/delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
        var list = await client.GetStringAsync("/u/ada/collections");

        Assert.Contains("Delete this collection", page);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("<h1 class=\"collection-name\">Reading group</h1>", seenByAnyone);
        Assert.Contains("Worth keeping", seenByAnyone);
        Assert.Equal(HttpStatusCode.BadRequest, blankName.StatusCode);
        Assert.Contains("Give the collection a name.", await blankName.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/u/ada/collections", deleted.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Reading group", list);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/u/ada/collections/{id}")).StatusCode);
    }

    [Fact]
    public async Task SomeoneElseCannotRenameOrDeleteACollectionFromAForm()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, ada) = await AddUserAsync(app, "ada");
        await AddUserAsync(app, "bob");
        var id = await CreateWithPaperAsync(app, ada, "Ada's", true, "2409.01234", "mine");
        var bob = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(app, bob, "bob@example.org");
        var page = await bob.GetStringAsync($"/u/ada/collections/{id}");
        var token = AntiforgeryToken(await bob.GetStringAsync("/papers/2409.01234"));

        var rename = await bob.PostAsync($"/collections/{id}/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Bob's now", ["__RequestVerificationToken"] = token,
        }));
        var delete = await bob.PostAsync($"/collections/{id}/delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.DoesNotContain("Delete this collection", page);
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var collection = await app.WithDbAsync(db => db.Set<PaperCollection>().SingleAsync());
        Assert.Equal(("Ada's", true), (collection.Name, collection.IsPublic));
    }

    [Fact]
    public async Task TheOwnerImportsABibtexFileFromTheCollectionPageAndSeesWhatWasSkipped()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "1706.03762", "Attention Is All You Need");
        var (_, ada) = await AddUserAsync(app, "ada");
        var id = (await JsonAsync(await ApiClient(app, ada).PostAsJsonAsync("/api/collections", new { name = "Imported" }))).GetProperty("id").GetInt64();
        var owner = app.CreateClient();
        await SignInAsync(app, owner, "ada@example.org");
        var page = await owner.GetStringAsync($"/u/ada/collections/{id}");
        var form = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("@misc{a, eprint={1706.03762}}\n@misc{b, eprint={2409.01234}}\n"u8.ToArray()), "file", "refs.bib" },
        };

        var response = await owner.PostAsync($"/collections/{id}/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Added 1 paper; 0 already there. Skipped b (line 2): arXiv paper 2409.01234 is not on this hub.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal("1706.03762", (await app.WithDbAsync(db => db.Set<CollectionEntry>().SingleAsync())).PaperId);
    }

    [Fact]
    public async Task ASaveWithoutTheFormsTokenIsRefusedAndStoresNothing()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        await AddUserAsync(app, "ada");
        var client = app.CreateClient();
        await SignInAsync(app, client, "ada@example.org");

        var response = await client.PostAsync("/papers/2409.01234/save", new FormUrlEncodedContent(new Dictionary<string, string> { ["collection"] = "", ["name"] = "To read" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PaperCollection>().CountAsync()));
    }

    [Fact]
    public async Task SignedOutThePaperPageOffersSaveAsASignInLink()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/papers/2409.01234");

        Assert.Equal("/signin?returnUrl=%2Fpapers%2F2409.01234", page.QuerySelector("a.save")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form.save-form"));
    }
}
