using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Web;

/// <summary>The program serves its stylesheet from its own folder, whichever folder an operator starts it from.</summary>
public class StaticFilesTests
{
    [Fact]
    public async Task StartedFromAnotherFolderTheHubStillServesItsStylesheet()
    {
        var elsewhere = Directory.CreateTempSubdirectory("paperboy-cwd-").FullName;
        var port = FreePort();
        var psi = PaperboyProcess.StartInfo(new Dictionary<string, string?>
        {
            ["Paperboy:DataDir"] = Path.Combine(elsewhere, "data"), ["Paperboy:Ingest:Scheduled"] = "false",
            ["Paperboy:Digest:Scheduled"] = "false", ["Paperboy:Search:Backfill"] = "false",
        }, "--urls", $"http://127.0.0.1:{port}");
        psi.WorkingDirectory = elsewhere;
        using var server = Process.Start(psi)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var css = await FirstAnswerAsync(http, "/site.css", server);

            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>The answer to <paramref name="path"/> once the server listens (bounded: 60 s, or until it exits).</summary>
    static async Task<HttpResponseMessage> FirstAnswerAsync(HttpClient http, string path, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try { return await http.GetAsync(path); }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !server.HasExited) { await Task.Delay(100); }
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
