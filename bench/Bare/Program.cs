// The bare ASP.NET Core endpoint the daily page is measured against (bench/daily-page.sh).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/", () => "Hello, World!");
app.Run();
