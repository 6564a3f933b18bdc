// The bare ASP.NET Core endpoints the daily page is measured against (bench/daily-page.sh): "/" writes a few bytes;
// "/page" writes, from memory, the bytes of the file BARE_PAGE names (the daily page as the hub serves it), so the
// hub's pages are compared with the fastest way to send the same page.
using Microsoft.Net.Http.Headers;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var page = Environment.GetEnvironmentVariable("BARE_PAGE") is { Length: > 0 } path ? File.ReadAllBytes(path) : "<!DOCTYPE html>"u8.ToArray();
app.MapGet("/", () => "Hello, World!");
app.MapGet("/page", (HttpContext context) =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = page.Length;
    context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
    return context.Response.Body.WriteAsync(page).AsTask();
});
app.Run();
