using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback that stands in for arXiv or HF by answering with their recorded responses.
/// The handler sees each request and writes the answer; every request is logged with its arrival time
/// (and how many were in flight), so tests can check politeness (spacing, one connection).
/// </summary>
public sealed class RecordedHttpServer : IAsyncDisposable
{
    readonly WebApplication _app;
    int _inFlight;
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public Uri BaseAddress { get; }

    RecordedHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public static async Task<RecordedHttpServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        RecordedHttpServer? server = null;
        app.Run(async context =>
        {
            var inFlight = Interlocked.Increment(ref server!._inFlight);
            server.Requests.Enqueue(new RecordedRequest(
                context.Request.Method, context.Request.Path + context.Request.QueryString, DateTime.UtcNow, inFlight,
                context.Connection.RemotePort));
            try { await handler(context); }
            finally { Interlocked.Decrement(ref server._inFlight); }
        });
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        server = new RecordedHttpServer(app, address);
        return server;
    }

    /// <summary>Answers with a file's bytes.</summary>
    public static async Task SendFileAsync(HttpContext context, string path, string contentType, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.SendFileAsync(path);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Method, string PathAndQuery, DateTime At, int InFlight, int ClientPort);
