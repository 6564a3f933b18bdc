using System.Net;
using Microsoft.EntityFrameworkCore;
using Paperboy.Community;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Community.Follows;

/// <summary>The follows API on each engine: idempotent follows, refusals with their problem bodies, each reader's own follows.</summary>
public abstract class FollowApiTests(Engine engine)
{
    static async Task<string[]> FollowsAsync(HttpClient client) =>
        (await JsonAsync(await client.GetAsync("/api/follows"))).EnumerateArray()
        .Select(f => $"{f.GetProperty("kind").GetString()}:{f.GetProperty("name").GetString()}:{f.GetProperty("url").GetString()}").Order().ToArray();

    [Fact]
    public async Task FollowingTwiceIsOneFollowAndUnfollowingTwiceIsNoError()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (_, ada) = await AddUserAsync(app, "ada");
        await AddUserAsync(app, "bob");
        var client = ApiClient(app, ada);

        var first = await client.PutAsync("/api/follows/users/bob", null);
        var second = await client.PutAsync("/api/follows/users/bob", null);
        await client.PutAsync("/api/follows/orgs/ByteDance-Seed", null);
        await client.PutAsync("/api/follows/orgs/bytedance-seed", null);
        await client.PutAsync("/api/follows/authors/%20Yann%20%20LeCun%20", null);
        await client.PutAsync("/api/follows/authors/yann%20lecun", null);
        var followed = await FollowsAsync(client);
        var removed = await client.DeleteAsync("/api/follows/users/bob");
        var again = await client.DeleteAsync("/api/follows/users/bob");
        var orgGone = await client.DeleteAsync("/api/follows/orgs/BYTEDANCE-SEED");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await JsonAsync(second);
        Assert.Equal("user", body.GetProperty("kind").GetString());
        Assert.Equal("bob", body.GetProperty("name").GetString());
        Assert.Equal(["author:Yann LeCun:/authors/Yann%20LeCun", "org:ByteDance-Seed:/orgs/ByteDance-Seed", "user:bob:/u/bob"], followed);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, orgGone.StatusCode);
        Assert.Equal(["author:Yann LeCun:/authors/Yann%20LeCun"], await FollowsAsync(client));
    }

    [Fact]
    public async Task AnUnknownHandleIs404AndFollowingYourselfIs400()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);

        var unknown = await client.PutAsync("/api/follows/users/nobody", null);
        var self = await client.PutAsync("/api/follows/users/ada", null);
        var kind = await client.PutAsync("/api/follows/topics/ml", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not found","status":404,"detail":"Nobody here goes by 'nobody'.","errors":{"name":["Nobody here goes by 'nobody'."]}}""",
            await ProblemJson.WithoutTraceIdAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"detail":"You cannot follow yourself.","errors":{"name":["You cannot follow yourself."]}}""",
            await ProblemJson.WithoutTraceIdAsync(self));
        Assert.Equal(HttpStatusCode.NotFound, kind.StatusCode);
        Assert.Empty(await FollowsAsync(client));
    }

    [Theory]
    [InlineData("%20%20", "Give a name to follow.")]
    [InlineData("Ada%01Lovelace", "A name cannot hold control characters.")]
    [InlineData("LONG", "A name holds at most 200 characters; this one has 201.")]
    public async Task ABadNameIs400NamingTheNameAndStoresNothing(string name, string detail)
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (_, ada) = await AddUserAsync(app, "ada");
        var client = ApiClient(app, ada);

        var response = await client.PutAsync($"/api/follows/authors/{(name == "LONG" ? new string('a', 201) : name)}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"detail":""" +
            $"\"{detail}\",\"errors\":{{\"name\":[\"{detail}\"]}}}}",
            await ProblemJson.WithoutTraceIdAsync(response));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Follow>().CountAsync()));
    }

    [Fact]
    public async Task AnotherReadersFollowsAreNeitherVisibleNorChangeable()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (_, ada) = await AddUserAsync(app, "ada");
        var (_, bob) = await AddUserAsync(app, "bob");
        await ApiClient(app, ada).PutAsync("/api/follows/orgs/google", null);

        var bobsList = await FollowsAsync(ApiClient(app, bob));
        var bobsDelete = await ApiClient(app, bob).DeleteAsync("/api/follows/orgs/google");
        var anonymousList = await ApiClient(app, null).GetAsync("/api/follows");
        var anonymousPut = await ApiClient(app, null).PutAsync("/api/follows/orgs/google", null);

        Assert.Empty(bobsList);
        Assert.Equal(HttpStatusCode.NoContent, bobsDelete.StatusCode);
        Assert.Equal(["org:google:/orgs/google"], await FollowsAsync(ApiClient(app, ada)));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousPut.StatusCode);
    }

    [Fact]
    public async Task AReaderAtTheCapIsRefusedWith409()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var (user, ada) = await AddUserAsync(app, "ada");
        await app.WithDbAsync(async db =>
        {
            db.AddRange(Enumerable.Range(0, FollowStore.MaxFollows).Select(i =>
                new Follow { UserId = user.Id, Kind = FollowKind.Author, NameKey = $"author {i}", Name = $"Author {i}", CreatedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        });

        var refused = await ApiClient(app, ada).PutAsync("/api/follows/orgs/google", null);
        var existing = await ApiClient(app, ada).PutAsync("/api/follows/authors/Author%207", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"Too many follows","status":409,"detail":"You follow 1000 people, organisations and authors already, the most one may; unfollow some first."}""",
            await ProblemJson.WithoutTraceIdAsync(refused));
        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
    }
}

public sealed class SqliteFollowApiTests() : FollowApiTests(Engine.Sqlite);
public sealed class PostgresFollowApiTests() : FollowApiTests(Engine.Postgres);
