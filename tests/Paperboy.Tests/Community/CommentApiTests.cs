using System.Net;
using System.Net.Http.Json;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Community;

public class CommentApiTests
{
    [Fact]
    public async Task ACommentAndAReplyAreListedAsAThreadAndCounted()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, token);

        var created = await client.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "Nice **result**" });
        var parentId = (await JsonAsync(created)).GetProperty("id").GetInt64();
        var reply = await client.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "Agreed", parentId });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var list = await JsonAsync(await ApiClient(app, null).GetAsync("/api/papers/2409.01234/comments"));
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal("<p>Nice <strong>result</strong></p>\n", list[0].GetProperty("html").GetString());
        Assert.Equal("ada", list[0].GetProperty("author").GetString());
        Assert.Equal(parentId, list[1].GetProperty("parentId").GetInt64());
        Assert.Equal(2, (await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask()))!.CommentCount);
    }

    [Fact]
    public async Task EditingAndDeletingOnesOwnCommentKeepsAPlaceholderAndTheCountInStep()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, bob) = await AddUserAsync(app, "bob");
        var client = ApiClient(app, ada);
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "first" }))).GetProperty("id").GetInt64();
        await ApiClient(app, bob).PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "reply", parentId = id });

        var notYours = await ApiClient(app, bob).PatchAsJsonAsync($"/api/comments/{id}", new { text = "hijack" });
        var edited = await client.PatchAsJsonAsync($"/api/comments/{id}", new { text = "first, edited" });
        Assert.Equal(HttpStatusCode.Forbidden, notYours.StatusCode);
        Assert.Equal($"Comment {id} is someone else's.", (await JsonAsync(notYours)).GetProperty("detail").GetString());
        Assert.Equal("first, edited", (await JsonAsync(edited)).GetProperty("text").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/comments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/comments/{id}")).StatusCode);

        var list = await JsonAsync(await client.GetAsync("/api/papers/2409.01234/comments"));
        Assert.True(list[0].GetProperty("deleted").GetBoolean());
        Assert.Equal("", list[0].GetProperty("text").GetString());
        Assert.Equal("reply", list[1].GetProperty("text").GetString());
        Assert.Equal(1, (await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask()))!.CommentCount);
    }

    /// <summary>Each bad comment: what is wrong, the parameter the problem names and its detail ({other} is the id of a comment on another paper).</summary>
    public static TheoryData<string, string, string> BadComments() => new()
    {
        { "empty", "text", "Write something first: the comment is empty." },
        { "too long", "text", "A comment holds at most 10000 characters; this one has 10001." },
        { "a reply to a comment on another paper", "parentId", "Comment {other} is not on paper '2409.01234'." },
        { "not JSON", "body", """The body is not valid JSON; send something like {"text": "...", "parentId": null}.""" },
    };

    public static TheoryData<string> BadCommentKinds() => [.. BadComments().Select(row => (string)row[0])];

    [Theory]
    [MemberData(nameof(BadComments))]
    public async Task ABadCommentIsRefusedWithAProblemNamingTheParameter(string bad, string parameter, string detail)
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var (response, other) = await PostBadCommentAsync(app, bad);

        await AssertProblem(response, 400, parameter, detail.Replace("{other}", other.ToString()));
    }

    [Theory]
    [MemberData(nameof(BadCommentKinds))]
    public async Task ARefusedCommentIsNotCounted(string bad)
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        await PostBadCommentAsync(app, bad);

        Assert.Equal(0, (await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask()))!.CommentCount);
    }

    /// <summary>Ada posts one bad comment on 2409.01234; 2409.05678 holds her good comment <c>other</c>.</summary>
    static async Task<(HttpResponseMessage Response, long Other)> PostBadCommentAsync(PaperboyFactory app, string bad)
    {
        await AddPaperAsync(app, "2409.01234");
        await AddPaperAsync(app, "2409.05678");
        var (_, token) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, token);
        var other = (await JsonAsync(await client.PostAsJsonAsync("/api/papers/2409.05678/comments", new { text = "elsewhere" }))).GetProperty("id").GetInt64();

        var response = bad switch
        {
            "empty" => await client.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "  " }),
            "too long" => await client.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = new string('x', 10_001) }),
            "a reply to a comment on another paper" => await client.PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "hi", parentId = other }),
            "not JSON" => await client.PostAsync("/api/papers/2409.01234/comments", new StringContent("{text:", System.Text.Encoding.UTF8, "application/json")),
            _ => throw new ArgumentOutOfRangeException(nameof(bad), bad, "not a kind of bad comment"),
        };
        return (response, other);
    }

    [Fact]
    public async Task CommentsNeedATokenAndAPaper()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");

        var anonymous = await ApiClient(app, null).PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "hi" });
        var badToken = await ApiClient(app, "pb_1_AAAA").PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "hi" });
        var noPaper = await ApiClient(app, token).PostAsJsonAsync("/api/papers/2409.99999/comments", new { text = "hi" });
        var noPaperList = await ApiClient(app, null).GetAsync("/api/papers/2409.99999/comments");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        await AssertProblem(noPaper, 404, "id", "There is no paper 2409.99999 here.");
        await AssertProblem(noPaperList, 404, "id", "There is no paper 2409.99999 here.");
    }

    [Fact]
    public async Task OnlyCuratorsHideCommentsAndAHiddenOneLeavesAPlaceholder()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, member) = await AddUserAsync(app, "ada");
        var (_, curator) = await AddUserAsync(app, "cora", UserRole.Curator);
        var id = (await JsonAsync(await ApiClient(app, member).PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "spam" }))).GetProperty("id").GetInt64();

        var byMember = await ApiClient(app, member).PostAsync($"/api/comments/{id}/hide", null);
        var byCurator = await ApiClient(app, curator).PostAsync($"/api/comments/{id}/hide", null);
        var missing = await ApiClient(app, curator).PostAsync("/api/comments/999/hide", null);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal("This needs a curator's role.", (await JsonAsync(byMember)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, byCurator.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var list = await JsonAsync(await ApiClient(app, null).GetAsync("/api/papers/2409.01234/comments"));
        Assert.True(list[0].GetProperty("hidden").GetBoolean());
        Assert.Equal("", list[0].GetProperty("text").GetString());
        Assert.Equal(0, (await app.WithDbAsync(db => db.FindAsync<Paper>("2409.01234").AsTask()))!.CommentCount);
    }

    internal static async Task AssertProblem(HttpResponseMessage response, int status, string parameter, string detail)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await JsonAsync(response);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Equal(detail, body.GetProperty("detail").GetString());
        Assert.Equal([parameter], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal([detail], body.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()));
    }
}
