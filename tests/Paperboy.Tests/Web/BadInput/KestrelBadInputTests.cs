using System.Net;
using AngleSharp.Html.Parser;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Web.BadInput;

/// <summary>
/// What the built program, behind its own Kestrel, answers to addresses Kestrel looks at before the app does: a long
/// request line reaches the app up to <c>WebSetup.MaxRequestLine</c> (128 KB) and gets the app's own answer; past it, and
/// for a NUL in the path, Kestrel answers alone with an empty 414 or 400, which no middleware can change.
/// </summary>
public sealed class KestrelBadInputTests(KestrelBadInputTests.Hub hub) : IClassFixture<KestrelBadInputTests.Hub>
{
    readonly HttpClient _http = hub.Http;

    /// <summary>One <c>paperboy</c> process serving on a loopback port for every test here.</summary>
    public sealed class Hub : IAsyncLifetime
    {
        readonly TempFolder _data = new();
        ServingHub? _server;
        public HttpClient Http { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _server = await ServingHub.StartAsync(new Dictionary<string, string?> { ["Paperboy:DataDir"] = _data.Path });
            Http = new HttpClient { BaseAddress = _server.Address };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            if (_server is not null) await _server.DisposeAsync();
            _data.Dispose();
        }
    }

    [Fact]
    public async Task ASearchAtTheParsersLimitInAccentedLettersGetsTheSearchPagesOwnAnswer()
    {
        // 4,097 "é" are 24 KB on the wire: past Kestrel's default 8 KB line, within ours.
        var response = await _http.GetAsync("/search?q=" + Uri.EscapeDataString(new string('é', 4097)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("The query is 4097 characters long; at most 4096 are searched.", page.Body!.TextContent);
    }

    [Fact]
    public async Task A100KBApiAddressGetsAProblemNamingTheId()
    {
        var response = await _http.GetAsync("/api/papers/" + new string('9', 100 * 1024));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"errors\":{\"id\":", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAddressPastTheLimitIsKestrelsEmpty414()
    {
        var response = await _http.GetAsync("/api/papers/" + new string('9', 129 * 1024));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANulInThePathIsKestrelsEmpty400ButInTheQueryTheAppAnswers()
    {
        var inPath = await _http.GetAsync("/api/papers/2409.01234%00");
        var inQuery = await _http.GetAsync("/api/daily_papers?p=1%00");

        Assert.Equal(HttpStatusCode.BadRequest, inPath.StatusCode);
        Assert.Equal("", await inPath.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, inQuery.StatusCode);
        Assert.Equal("application/problem+json", inQuery.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"errors\":{\"p\":", await inQuery.Content.ReadAsStringAsync());
    }
}
