// The bare ASP.NET Core endpoints the hub's pages are measured against (bench/daily-page.sh): "/" writes a few bytes;
// "/pages/{name}" writes, from memory, the bytes of the file of that name in the folder BARE_PAGES names (each page as
// the hub serves it), so each page is compared with the fastest way to send the same bytes.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var pages = Environment.GetEnvironmentVariable("BARE_PAGES") is { Length: > 0 } folder
    ? Directory.GetFiles(folder).ToDictionary(Path.GetFileName, File.ReadAllBytes)
    : [];
app.MapGet("/", () => "Hello, World!");
app.MapGet("/pages/{name}", (string name) => pages.TryGetValue(name, out var page)
    ? Results.Bytes(page, name.EndsWith(".json", StringComparison.Ordinal) ? "application/json; charset=utf-8" : "text/html; charset=utf-8")
    : Results.NotFound());
app.Run();
