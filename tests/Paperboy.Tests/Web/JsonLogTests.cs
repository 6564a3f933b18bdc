using System.Text.Json;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Web;

/// <summary>With <c>Paperboy__Logging__Json=true</c> the hub logs one JSON object per line, naming the request a line belongs to.</summary>
public class JsonLogTests
{
    [Fact]
    public async Task EachLogLineIsJsonAndARequestsLinesCarryItsIdAndPath()
    {
        using var data = new TempFolder();
        var port = LoopbackPort.Free();
        var server = PaperboyProcess.Start(new Dictionary<string, string?>
        {
            ["Paperboy:DataDir"] = data.Path, ["Paperboy:Ingest:Scheduled"] = "false", ["Paperboy:Digest:Scheduled"] = "false",
            ["Paperboy:Search:Backfill"] = "false", ["Paperboy:Logging:Json"] = "true",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        }, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await PaperboyProcess.WaitUntilServingAsync(http);
        await http.GetAsync("/about");
        await server.KillAsync();
        var (_, output, _) = await server.WaitForExitAsync();

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList(); // every line is one JSON object
        var request = entries.First(e => e.GetProperty("Message").GetString()!.StartsWith("Request starting") &&
                                         e.GetProperty("Message").GetString()!.Contains("/about"));
        var scope = request.GetProperty("Scopes").EnumerateArray().First(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestPath", out _));
        Assert.Equal("/about", scope.GetProperty("RequestPath").GetString());
        Assert.False(string.IsNullOrEmpty(scope.GetProperty("RequestId").GetString()));
        Assert.Equal("Information", request.GetProperty("LogLevel").GetString());
    }
}
