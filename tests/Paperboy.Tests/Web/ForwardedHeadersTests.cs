using System.Net;
using System.Net.Http.Json;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Web;

/// <summary>
/// Behind a reverse proxy (docs/deploy.md) every request comes from the proxy's address; with
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> the per-client limits count the readers named in X-Forwarded-For.
/// </summary>
public class ForwardedHeadersTests
{
    [Fact]
    public async Task BehindAProxyThePerClientLimitCountsEachReaderApart()
    {
        using var data = new TempFolder();
        await using var hub = await ServingHub.StartAsync(new Dictionary<string, string?>
        {
            ["Paperboy:DataDir"] = data.Path, ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true", ["Paperboy:RateLimits:SignInPerClient"] = "1",
            ["Paperboy:Smtp:Port"] = "9", // nothing listens: the confirmations wait in the outbox
        });

        Assert.Equal(HttpStatusCode.Accepted, await SubscribeAsync(hub, "203.0.113.1", "ada@example.org"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SubscribeAsync(hub, "203.0.113.1", "alan@example.org"));
        Assert.Equal(HttpStatusCode.Accepted, await SubscribeAsync(hub, "203.0.113.2", "grace@example.org"));
    }

    static async Task<HttpStatusCode> SubscribeAsync(ServingHub hub, string reader, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscriptions") { Content = JsonContent.Create(new { email }) };
        request.Headers.Add("X-Forwarded-For", reader);
        return (await hub.Client.SendAsync(request)).StatusCode;
    }
}
