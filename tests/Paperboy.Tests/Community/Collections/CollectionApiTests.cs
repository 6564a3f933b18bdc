using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;
using CollectionStoreLimits = Paperboy.Community.CollectionStore;

namespace Paperboy.Tests.Community.Collections;

/// <summary>The collections API on each engine: who may see and change what, and that bad input stores nothing.</summary>
public abstract class CollectionApiTests(Engine engine)
{
    static async Task<long> CreateAsync(HttpClient client, string name, bool? isPublic = null)
    {
        var response = isPublic is null
            ? await client.PostAsJsonAsync("/api/collections", new { name })
            : await client.PostAsJsonAsync("/api/collections", new { name, @public = isPublic });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt64();
    }

    static Task<int> EntriesAsync(PaperboyFactory app) => app.WithDbAsync(db => db.Set<CollectionEntry>().CountAsync());

    [Fact]
    public async Task ANewCollectionIsPrivateAndToAnyoneButItsOwnerItDoesNotExist()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, bob) = await AddUserAsync(app, "bob");
        var id = await CreateAsync(ApiClient(app, ada), "Reading group");

        var own = await ApiClient(app, ada).GetAsync($"/api/collections/{id}");
        var others = await ApiClient(app, bob).GetAsync($"/api/collections/{id}");
        var anonymous = await ApiClient(app, null).GetAsync($"/api/collections/{id}/export?format=bibtex");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.False((await JsonAsync(own)).GetProperty("public").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal($$"""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not found","status":404,"detail":"There is no collection {{id}} here, or it is private."}""",
            await ProblemJson.WithoutTraceIdAsync(others));
    }

    [Fact]
    public async Task SavingAPaperTwiceKeepsOneEntryWithTheLatestNoteAndTags()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "hep-th/9901001", "Old strings");
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);
        var id = await CreateAsync(client, "Strings", isPublic: true);

        var first = await client.PutAsJsonAsync($"/api/collections/{id}/papers/hep-th/9901001", new { note = "first look", tags = new[] { "strings" } });
        var second = await client.PutAsJsonAsync($"/api/collections/{id}/papers/hep-th/9901001", new { note = "read §3", tags = new[] { " strings ", "to-read", "strings", "" } });
        var collection = await JsonAsync(await ApiClient(app, null).GetAsync($"/api/collections/{id}"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var paper = Assert.Single(collection.GetProperty("papers").EnumerateArray());
        Assert.Equal("hep-th/9901001", paper.GetProperty("id").GetString());
        Assert.Equal("read §3", paper.GetProperty("note").GetString());
        Assert.Equal(["strings", "to-read"], paper.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("ada", collection.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task TheListHasEveryCollectionOfTheTokensOwnerAndNoOneElses()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2409.01234");
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, bob) = await AddUserAsync(app, "bob");
        var first = await CreateAsync(ApiClient(app, ada), "First");
        await CreateAsync(ApiClient(app, ada), "Second", isPublic: true);
        await CreateAsync(ApiClient(app, bob), "Bob's");
        await ApiClient(app, ada).PutAsJsonAsync($"/api/collections/{first}/papers/2409.01234", new { note = "" });

        var list = await JsonAsync(await ApiClient(app, ada).GetAsync("/api/collections"));

        Assert.Equal(["First:1:False", "Second:0:True"], list.EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("papers").GetInt32()}:{c.GetProperty("public").GetBoolean()}"));
    }

    [Fact]
    public async Task AHiddenPaperLeavesPublicCollectionsAndTheirExports()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2409.01234", "Kept");
        await AddPaperAsync(app, "2409.05678", "Spam");
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);
        var id = await CreateAsync(client, "Shared", isPublic: true);
        await client.PutAsJsonAsync($"/api/collections/{id}/papers/2409.01234", new { note = "" });
        await client.PutAsJsonAsync($"/api/collections/{id}/papers/2409.05678", new { note = "" });
        await app.WithDbAsync(db => db.Set<Paper>().Where(p => p.Id == "2409.05678").ExecuteUpdateAsync(s => s.SetProperty(p => p.Hidden, true)));

        var collection = await JsonAsync(await ApiClient(app, null).GetAsync($"/api/collections/{id}"));
        var export = await ApiClient(app, null).GetStringAsync($"/api/collections/{id}/export?format=ris");

        Assert.Equal(["2409.01234"], collection.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.DoesNotContain("2409.05678", export);
        Assert.Equal(2, await EntriesAsync(app));
    }

    [Fact]
    public async Task DeletingAPaperTakesItOutAndASecondDeleteIs404()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2409.01234");
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);
        var id = await CreateAsync(client, "Mine");
        await client.PutAsJsonAsync($"/api/collections/{id}/papers/2409.01234", new { note = "", tags = Array.Empty<string>() });

        var removed = await client.DeleteAsync($"/api/collections/{id}/papers/2409.01234");
        var again = await client.DeleteAsync($"/api/collections/{id}/papers/2409.01234");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal($"Paper 2409.01234 is not in collection {id}.", (await JsonAsync(again)).GetProperty("detail").GetString());
        Assert.Equal(0, await EntriesAsync(app));
    }

    [Fact]
    public async Task SavingAPaperThisHubDoesNotHaveIs404AndStoresNothing()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);
        var id = await CreateAsync(client, "Mine");

        var response = await client.PutAsJsonAsync($"/api/collections/{id}/papers/2409.99999", new { note = "?" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Paper not found","status":404,"detail":"There is no paper 2409.99999 here.","errors":{"id":["There is no paper 2409.99999 here."]}}""",
            await ProblemJson.WithoutTraceIdAsync(response));
        Assert.Equal(0, await EntriesAsync(app));
    }

    [Fact]
    public async Task SomeoneElsesPrivateCollectionIs404AndTheirPublicOneIs403AndNeitherChanges()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2409.01234");
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, bob) = await AddUserAsync(app, "bob");
        var adaClient = ApiClient(app, ada);
        var hidden = await CreateAsync(adaClient, "Private");
        var shown = await CreateAsync(adaClient, "Public", isPublic: true);
        await adaClient.PutAsJsonAsync($"/api/collections/{shown}/papers/2409.01234", new { note = "ada's note" });

        var intoPrivate = await ApiClient(app, bob).PutAsJsonAsync($"/api/collections/{hidden}/papers/2409.01234", new { note = "bob was here" });
        var intoPublic = await ApiClient(app, bob).PutAsJsonAsync($"/api/collections/{shown}/papers/2409.01234", new { note = "bob was here" });
        var outOfPublic = await ApiClient(app, bob).DeleteAsync($"/api/collections/{shown}/papers/2409.01234");

        Assert.Equal(HttpStatusCode.NotFound, intoPrivate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, intoPublic.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outOfPublic.StatusCode);
        Assert.Equal($"Collection {shown} is someone else's.", (await JsonAsync(intoPublic)).GetProperty("detail").GetString());
        var entry = Assert.Single(await app.WithDbAsync(db => db.Set<CollectionEntry>().ToListAsync()));
        Assert.Equal((shown, "ada's note"), (entry.CollectionId, entry.Note));
    }

    [Fact]
    public async Task ASecondCollectionOfTheSameNameIs409()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, bob) = await AddUserAsync(app, "bob");
        await CreateAsync(ApiClient(app, ada), "Reading group");

        var again = await ApiClient(app, ada).PostAsJsonAsync("/api/collections", new { name = " Reading group " });
        var someoneElse = await ApiClient(app, bob).PostAsJsonAsync("/api/collections", new { name = "Reading group" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("You already have a collection named 'Reading group'.", (await JsonAsync(again)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, someoneElse.StatusCode);
    }

    [Fact]
    public async Task BadInputIsA400NamingTheParameter()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2409.01234");
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);
        var id = await CreateAsync(client, "Mine");

        var noName = await client.PostAsJsonAsync("/api/collections", new { name = "  " });
        var notJson = await client.PutAsync($"/api/collections/{id}/papers/2409.01234", new StringContent("note=hi", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var manyTags = await client.PutAsJsonAsync($"/api/collections/{id}/papers/2409.01234", new { tags = Enumerable.Range(0, 21).Select(i => $"t{i}") });
        var noToken = await ApiClient(app, null).PostAsJsonAsync("/api/collections", new { name = "x" });

        Assert.Equal("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"detail":"Give the collection a name.","errors":{"name":["Give the collection a name."]}}""",
            await ProblemJson.WithoutTraceIdAsync(noName));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.True((await JsonAsync(notJson)).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal("A paper takes at most 20 tags; these are 21.", (await JsonAsync(manyTags)).GetProperty("errors").GetProperty("tags")[0].GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(0, await EntriesAsync(app));
    }

    [Fact]
    public async Task TheOwnerRenamesACollectionMakesItPublicAndOthersThenSeeIt()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, bob) = await AddUserAsync(app, "bob");
        var id = await CreateAsync(ApiClient(app, ada), "Drafts");
        await CreateAsync(ApiClient(app, ada), "Taken");

        var hiddenBefore = await ApiClient(app, bob).GetAsync($"/api/collections/{id}");
        var renamed = await ApiClient(app, ada).PatchAsJsonAsync($"/api/collections/{id}", new { name = " Reading group ", @public = true });
        var seen = await ApiClient(app, bob).GetAsync($"/api/collections/{id}");
        var clash = await ApiClient(app, ada).PatchAsJsonAsync($"/api/collections/{id}", new { name = "Taken" });
        var byBob = await ApiClient(app, bob).PatchAsJsonAsync($"/api/collections/{id}", new { @public = false });
        var privateAgain = await ApiClient(app, ada).PatchAsJsonAsync($"/api/collections/{id}", new { @public = false });
        var hiddenAfter = await ApiClient(app, bob).GetAsync($"/api/collections/{id}");

        Assert.Equal(HttpStatusCode.NotFound, hiddenBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(("Reading group", true), ((await JsonAsync(seen)).GetProperty("name").GetString(), (await JsonAsync(seen)).GetProperty("public").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("You already have a collection named 'Taken'.", (await JsonAsync(clash)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byBob.StatusCode);
        Assert.Equal("Reading group", (await JsonAsync(privateAgain)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, hiddenAfter.StatusCode);
    }

    [Fact]
    public async Task DeletingACollectionTakesItsEntriesAndLeavesThePapersAndOthersCollections()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2409.01234");
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, bob) = await AddUserAsync(app, "bob");
        var doomed = await CreateAsync(ApiClient(app, ada), "Old", isPublic: true);
        var kept = await CreateAsync(ApiClient(app, bob), "Bob's");
        await ApiClient(app, ada).PutAsJsonAsync($"/api/collections/{doomed}/papers/2409.01234", new { note = "x" });
        await ApiClient(app, bob).PutAsJsonAsync($"/api/collections/{kept}/papers/2409.01234", new { note = "y" });

        var byBob = await ApiClient(app, bob).DeleteAsync($"/api/collections/{doomed}");
        var deleted = await ApiClient(app, ada).DeleteAsync($"/api/collections/{doomed}");
        var again = await ApiClient(app, ada).DeleteAsync($"/api/collections/{doomed}");
        var gone = await ApiClient(app, null).GetAsync($"/api/collections/{doomed}");

        Assert.Equal(HttpStatusCode.Forbidden, byBob.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var entry = Assert.Single(await app.WithDbAsync(db => db.Set<CollectionEntry>().ToListAsync()));
        Assert.Equal((kept, "y"), (entry.CollectionId, entry.Note));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Paper>().CountAsync()));
    }

    [Fact]
    public async Task AReaderAtTheLimitOfCollectionsOrAFullCollectionGets409AndNothingMore()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2409.01234");
        var (user, ada) = await AddUserAsync(app, "ada");
        var full = await CreateAsync(ApiClient(app, ada), "Full");
        await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.AddRange(Enumerable.Range(1, CollectionStoreLimits.MaxCollections - 1).Select(i =>
                new PaperCollection { UserId = user.Id, Name = $"c{i}", CreatedAt = now, UpdatedAt = now }));
            await db.SaveChangesAsync();
            // Fill "Full" with as many papers as a collection holds, in one statement a table.
            var (number, stamp) = db.IsPostgres ? ("lpad(i::text, 5, '0')", "now()") : ("printf('%05d', i)", "'2024-12-01 00:00:00'");
            var numbers = $"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {CollectionStoreLimits.MaxPapers - 1})";
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO papers (id, title, published_at, updated_at, created_at) {numbers} SELECT '2412.' || {number}, 'Filler', {stamp}, {stamp}, {stamp} FROM n");
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO collection_papers (collection_id, paper_id, added_at, updated_at) {numbers} SELECT {full}, '2412.' || {number}, {stamp}, {stamp} FROM n");
        });

        var oneMore = await ApiClient(app, ada).PostAsJsonAsync("/api/collections", new { name = "One too many" });
        var intoFull = await ApiClient(app, ada).PutAsJsonAsync($"/api/collections/{full}/papers/2409.01234", new { note = "no room" });
        var noteOnAPaperThere = await ApiClient(app, ada).PutAsJsonAsync($"/api/collections/{full}/papers/2412.00007", new { note = "still editable" });

        Assert.Equal(HttpStatusCode.Conflict, oneMore.StatusCode);
        Assert.Equal("You have 200 collections, the most one may have; delete one first.", (await JsonAsync(oneMore)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, intoFull.StatusCode);
        Assert.Equal("A collection holds at most 10,000 papers; start another one.", (await JsonAsync(intoFull)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, noteOnAPaperThere.StatusCode);
        Assert.Equal(CollectionStoreLimits.MaxCollections, await app.WithDbAsync(db => db.Set<PaperCollection>().CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<CollectionEntry>().AnyAsync(e => e.PaperId == "2409.01234")));
    }

    [Fact]
    public async Task ImportKeepsTheKnownPapersReportsTheRestAndLeavesSavedNotesAlone()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "1706.03762", "Attention Is All You Need");
        await AddPaperAsync(app, "1810.04805", "BERT");
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);
        var id = await CreateAsync(client, "Imported");
        await client.PutAsJsonAsync($"/api/collections/{id}/papers/1810.04805", new { note = "kept", tags = new[] { "nlp" } });

        var response = await client.PostAsync($"/api/collections/{id}/import", new StringContent("""
            @misc{vaswani2017attentionneed, eprint={1706.03762}, archivePrefix={arXiv}}
            @article{devlin2018bert, journal={arXiv preprint arXiv:1810.04805}}
            @misc{elsewhere, eprint={2409.01234}}
            @book{knuth1984texbook, title={The TeXbook}}
            """, Encoding.UTF8, "application/x-bibtex"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"added":["1706.03762"],"alreadyThere":["1810.04805"],"unknown":[{"key":"elsewhere","line":3,"reason":"arXiv paper 2409.01234 is not on this hub."},{"key":"knuth1984texbook","line":4,"reason":"This entry names no arXiv paper (no eprint, arXiv URL or arXiv DOI)."}]}""",
            await response.Content.ReadAsStringAsync());
        var kept = await app.WithDbAsync(db => db.Set<CollectionEntry>().SingleAsync(e => e.PaperId == "1810.04805"));
        Assert.Equal("kept", kept.Note);
        Assert.Equal(["nlp"], kept.Tags);
        Assert.Equal(2, await EntriesAsync(app));
    }

    [Fact]
    public async Task AMalformedBibtexFileIs400NamingItsLinesAndImportsNothing()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "1706.03762");
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);
        var id = await CreateAsync(client, "Imported");

        var response = await client.PostAsync($"/api/collections/{id}/import", new StringContent("""
            @misc{good, eprint={1706.03762}}
            @misc{bad, title="never closed}
            """, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["The BibTeX file has entries that cannot be read; nothing was imported.", "line 2: the quote opened at line 2 is never closed."],
            (await JsonAsync(response)).GetProperty("errors").GetProperty("body").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, await EntriesAsync(app));
    }

    [Fact]
    public async Task ACollectionExportsItsPapersWithNotesAndTagsInEachFormat()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "1706.03762", "Attention Is All You Need", authors: ["Ashish Vaswani", "Noam Shazeer"], publishedAt: new DateTime(2017, 6, 12, 17, 57, 34, DateTimeKind.Utc));
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);
        var id = await CreateAsync(client, "Transformers");
        await client.PutAsJsonAsync($"/api/collections/{id}/papers/1706.03762", new { note = "100% worth it", tags = new[] { "attention", "nlp" } });

        var bibtex = await client.GetStringAsync($"/api/collections/{id}/export?format=bibtex");
        var ris = await client.GetStringAsync($"/api/collections/{id}/export?format=ris");
        var csl = await JsonAsync(await client.GetAsync($"/api/collections/{id}/export?format=csljson"));

        Assert.Equal("""
            @misc{vaswani2017attentionneed,
                  title={Attention Is All You Need}, 
                  author={Ashish Vaswani and Noam Shazeer},
                  year={2017},
                  eprint={1706.03762},
                  archivePrefix={arXiv},
                  primaryClass={cs.LG},
                  keywords={attention, nlp},
                  annote={100\% worth it},
                  url={https://arxiv.org/abs/1706.03762}, 
            }

            """, bibtex);
        Assert.Contains("KW  - attention\r\nKW  - nlp\r\nN1  - 100% worth it\r\n", ris);
        Assert.Equal("100% worth it", csl[0].GetProperty("note").GetString());
    }
}

public sealed class SqliteCollectionApiTests() : CollectionApiTests(Engine.Sqlite);
public sealed class PostgresCollectionApiTests() : CollectionApiTests(Engine.Postgres);
