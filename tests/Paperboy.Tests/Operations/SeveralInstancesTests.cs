using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Net.Http.Json;
using System.Text.Json;
using Paperboy.Community;
using Paperboy.Tests.Infrastructure;
using Paperboy.Tests.Search;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Operations;

/// <summary>
/// Two real <c>paperboy</c> processes on one real PostgreSQL database, as behind a load balancer (and the in-process
/// hub that arranges the data, a third instance). What one instance does shows on the other within a second, and a
/// revocation made through one holds on the other as fast. Pages and lists are cached for a minute here, so only the
/// signals between instances can make a change show within a second.
/// </summary>
public class SeveralInstancesTests(SeveralInstancesTests.Cluster cluster) : IClassFixture<SeveralInstancesTests.Cluster>
{
    static readonly TimeSpan Promise = TimeSpan.FromSeconds(1);
    static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public async Task AVoteThroughOneInstanceShowsInTheOthersCachedListWithinASecond()
    {
        await AddPaperAsync(cluster.Seed, "2603.10001", featuredOn: Day);
        var (_, token) = await AddUserAsync(cluster.Seed, "voter");
        Assert.Equal(0, await CountOnBAsync("2603.10001", "upvotes")); // now cached on B

        using var a = Bearer(cluster.A, token);
        (await a.PostAsync("/api/papers/2603.10001/upvote", null)).EnsureSuccessStatusCode();

        await Eventually.WaitUntilAsync(async () => await CountOnBAsync("2603.10001", "upvotes") == 1, Promise, "B's list to show the vote made through A");
    }

    [Fact]
    public async Task ACommentThroughOneInstanceShowsInTheOthersCachedListWithinASecond()
    {
        await AddPaperAsync(cluster.Seed, "2603.10002", featuredOn: Day);
        var (_, token) = await AddUserAsync(cluster.Seed, "commenter");
        Assert.Equal(0, await CountOnBAsync("2603.10002", "numComments"));

        using var a = Bearer(cluster.A, token);
        (await a.PostAsJsonAsync("/api/papers/2603.10002/comments", new { text = "Table 3 answers my question." })).EnsureSuccessStatusCode();

        await Eventually.WaitUntilAsync(async () => await CountOnBAsync("2603.10002", "numComments") == 1, Promise, "B's list to show the comment made through A");
    }

    [Fact]
    public async Task ATokenRevokedThroughOneInstanceStopsWorkingOnTheOtherWithinASecond()
    {
        await AddPaperAsync(cluster.Seed, "2603.10003");
        var (_, token) = await AddUserAsync(cluster.Seed, "scripted");
        using var b = Bearer(cluster.B, token);
        Assert.Equal(HttpStatusCode.OK, (await b.PostAsync("/api/papers/2603.10003/upvote", null)).StatusCode); // B knows the token now

        using var a = SignedInClient(cluster.A, out _);
        await SignInAsync(cluster.Seed, a, "scripted@example.org");
        Assert.True(SecretTokens.TryParse(token, ApiTokenStore.Prefix, out var tokenId, out _));
        var revoked = await PostFormAsync(a, "/account", $"/account/tokens/{tokenId}/revoke");
        Assert.True((int)revoked.StatusCode < 400, $"revoking answered {revoked.StatusCode}");

        await Eventually.WaitUntilAsync(async () => (await b.PostAsync("/api/papers/2603.10003/upvote", null)).StatusCode == HttpStatusCode.Unauthorized,
            Promise, "B to refuse the token revoked through A", pollEvery: TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task ASessionStartedOnOneInstanceIsAcceptedByTheOtherWithItsFormTokens()
    {
        using var a = SignedInClient(cluster.A, out var jar);
        await SignInAsync(cluster.Seed, a, "wanderer@example.org", "wanderer");
        var page = await a.GetStringAsync("/account");

        using var b = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = cluster.B.Address };
        var created = await b.PostAsync("/account/tokens", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "laptop", ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains(ApiTokenStore.Prefix, await created.Content.ReadAsStringAsync()); // the new token, shown once
    }

    [Fact]
    public async Task SignOutEverywhereOnOneInstanceEndsTheSessionOnTheOtherWithinASecond()
    {
        using var a = SignedInClient(cluster.A, out var jar);
        await SignInAsync(cluster.Seed, a, "leaver@example.org", "leaver");
        var cookie = jar.GetCookieHeader(cluster.A.Address); // the browser's copy, as B sees it
        Assert.Equal(HttpStatusCode.OK, (await AccountOnBAsync(cookie)).StatusCode); // B knows the session now

        var signedOut = await PostFormAsync(a, "/account", "/account/signout-everywhere");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await Eventually.WaitUntilAsync(async () => (await AccountOnBAsync(cookie)).StatusCode == HttpStatusCode.Redirect,
            Promise, "B to send the signed-out session to sign in", pollEvery: TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task TheKeysThatSignCookiesAreStoredEncryptedWithTheConfiguredCertificate()
    {
        using var a = SignedInClient(cluster.A, out _);
        await SignInAsync(cluster.Seed, a, "keys@example.org", "keys");

        var keys = await cluster.Seed.Database.DumpAsync("SELECT xml FROM data_protection_keys");

        Assert.Contains("EncryptedData", keys);
        Assert.Contains(nameof(CertificateKeyDecryptor), keys);
        Assert.DoesNotContain("<value>", keys); // the master key itself is inside the encrypted part
    }

    [Fact]
    public async Task OneInstanceBackfillsVectorsAndTheOtherSearchesThemByMeaningWithinAMinute()
    {
        const string asr = "2608.19936"; // Towards Quantifying Benchmark Optimization in ASR Models: found by meaning only
        await RealPapers.InsertAsync(cluster.Seed, RealPapers.FromDays("2026-08-21"));

        foreach (var hub in new[] { cluster.A, cluster.B })
            await Eventually.WaitUntilAsync(async () => await FirstByMeaningAsync(hub, "transcribing spoken words") == asr,
                TimeSpan.FromMinutes(1), $"{hub.Address} to find the paper by meaning", pollEvery: TimeSpan.FromMilliseconds(500));

        var embedded = new[] { await EmbeddedSinceStartAsync(cluster.A), await EmbeddedSinceStartAsync(cluster.B) };
        Assert.Contains(0L, embedded); // the other instance computed every vector
        Assert.True(embedded.Max() >= 17, $"embedded: {string.Join(", ", embedded)}");
    }

    static async Task<string?> FirstByMeaningAsync(ServingHub hub, string query)
    {
        var json = await hub.Client.GetStringAsync($"/api/papers/search?q={Uri.EscapeDataString(query)}&mode=meaning");
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty("paper").GetProperty("id").GetString()).FirstOrDefault();
    }

    /// <summary>The instance's own count of papers it embedded, from its metrics.</summary>
    static async Task<long> EmbeddedSinceStartAsync(ServingHub hub)
    {
        var metrics = await hub.Client.GetStringAsync("/metrics");
        var line = metrics.Split('\n').Single(l => l.StartsWith("paperboy_search_embedded_total"));
        return long.Parse(line[(line.LastIndexOf(' ') + 1)..]);
    }

    async Task<int> CountOnBAsync(string paperId, string field)
    {
        var json = await cluster.B.Client.GetStringAsync($"/api/daily_papers?date={Day:yyyy-MM-dd}");
        return JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("paper").GetProperty("id").GetString() == paperId)
            .Select(e => e.GetProperty("paper").TryGetProperty(field, out var v) ? v.GetInt32() : e.GetProperty(field).GetInt32())
            .Single();
    }

    Task<HttpResponseMessage> AccountOnBAsync(string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        return cluster.B.Client.SendAsync(request);
    }

    static HttpClient Bearer(ServingHub hub, string token)
    {
        var client = new HttpClient { BaseAddress = hub.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    static HttpClient SignedInClient(ServingHub hub, out CookieContainer jar)
    {
        jar = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = hub.Address };
    }

    static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action) =>
        await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(await client.GetStringAsync(page)),
        }));

    /// <summary>One PostgreSQL database, the in-process hub that migrated it and arranges data, and two real instances.</summary>
    public sealed class Cluster : IAsyncLifetime
    {
        readonly TempFolder _keys = new();
        public PaperboyFactory Seed { get; private set; } = null!;
        public ServingHub A { get; private set; } = null!;
        public ServingHub B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var shared = new Dictionary<string, string?>
            {
                ["Paperboy:DataProtection:Certificate"] = NewCertificate(_keys.Path, "s3cret"),
                ["Paperboy:DataProtection:CertificatePassword"] = "s3cret",
                ["Paperboy:Feed:CacheLifetime"] = "00:01:00",
                ["Paperboy:Community:SecurityStampCacheSeconds"] = "60",
            };
            // Both real instances would back-fill; they look for new papers every 2 s (30 s by default).
            var serving = new Dictionary<string, string?>
            {
                ["Paperboy:Search:Backfill"] = "true", ["Paperboy:Search:PollSeconds"] = "2", ["Paperboy:Metrics:Enabled"] = "true",
            };
            Seed = await PaperboyFactory.StartAsync(Engine.Postgres, shared);
            var settings = new Dictionary<string, string?>(Seed.Database.Settings);
            foreach (var (k, v) in shared.Concat(serving)) settings[k] = v;
            var started = await Task.WhenAll(ServingHub.StartAsync(settings), ServingHub.StartAsync(settings));
            (A, B) = (started[0], started[1]);
        }

        public async Task DisposeAsync()
        {
            if (A is not null) await A.DisposeAsync();
            if (B is not null) await B.DisposeAsync();
            if (Seed is not null) await Seed.DisposeAsync();
            _keys.Dispose();
        }

        /// <summary>A self-signed certificate with an RSA key in a password-protected .pfx, as an operator would make with openssl.</summary>
        static string NewCertificate(string folder, string password)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=paperboy data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
            var path = Path.Combine(folder, "keys.pfx");
            File.WriteAllBytes(path, cert.Export(X509ContentType.Pkcs12, password));
            return path;
        }
    }
}
