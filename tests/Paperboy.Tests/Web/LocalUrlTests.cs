using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Paperboy.Tests.Infrastructure;
using Paperboy.Web;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Web;

/// <summary>A return address from a form only ever leads back into this site.</summary>
public class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/papers/trending", true)]
    [InlineData("/u/ada?tab=upvotes#top", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\r\n/evil.example", false)]
    [InlineData("/papers\\..\\evil", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(9)", false)]
    [InlineData("papers", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyAPathOnThisSiteIsLocal(string? url, bool local) => Assert.Equal(local, LocalUrl.IsLocal(url));

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0D%0A/evil.example")]
    [InlineData("//evil.example")]
    public async Task AnUpvoteWithAForeignReturnAddressCountsAndLeadsToTheDiscussion(string returnUrl)
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234", "Kept on site");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(app, client, "ada@example.org", "ada");
        var discussion = await client.GetStringAsync("/papers/2409.01234/discussion");

        var response = await client.PostAsync("/papers/2409.01234/upvote", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(discussion), ["returnUrl"] = Uri.UnescapeDataString(returnUrl),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/papers/2409.01234/discussion", response.Headers.Location!.OriginalString);
        Assert.Equal(1, (await app.WithDbAsync(db => db.FindAsync<Paperboy.Storage.Paper>("2409.01234").AsTask()))!.LocalUpvotes);
    }
}
