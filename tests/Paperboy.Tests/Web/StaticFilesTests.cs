using System.Net;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Web;

/// <summary>The program serves its stylesheet from its own folder, whichever folder an operator starts it from.</summary>
public class StaticFilesTests
{
    [Fact]
    public async Task StartedFromAnotherFolderTheHubStillServesItsStylesheet()
    {
        var elsewhere = Directory.CreateTempSubdirectory("paperboy-cwd-").FullName;
        var port = LoopbackPort.Free();
        await using var server = PaperboyProcess.StartIn(elsewhere, new Dictionary<string, string?>
        {
            ["Paperboy:DataDir"] = Path.Combine(elsewhere, "data"), ["Paperboy:Ingest:Scheduled"] = "false",
            ["Paperboy:Digest:Scheduled"] = "false", ["Paperboy:Search:Backfill"] = "false",
        }, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var css = await Eventually.WaitForAsync(() => TryGetAsync(http, "/site.css"), r => r is not null, TimeSpan.FromSeconds(60), "the hub to listen");

        Assert.Equal(HttpStatusCode.OK, css!.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    static async Task<HttpResponseMessage?> TryGetAsync(HttpClient http, string path)
    {
        try { return await http.GetAsync(path); }
        catch (HttpRequestException) { return null; } // not listening yet
    }
}
