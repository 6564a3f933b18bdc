using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Community;

/// <summary>The account page's tokens, comment editing and the curator's forms, through the HTML forms as a browser posts them.</summary>
public class FormFlowTests
{
    [Fact]
    public async Task ATokenCreatedOnTheAccountPageIsShownOnceWorksForTheApiAndStopsWhenRevoked()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        await AddUserAsync(app, "ada");
        var client = app.CreateClient();
        await SignInAsync(app, client, "ada@example.org");

        var account = await client.GetStringAsync("/account");
        var created = await client.PostAsync("/account/tokens", Form(account, ("name", "laptop")));
        var html = await created.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "<pre class=\"token\" id=\"new-token\">([^<]+)</pre>").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await ApiClient(app, token).PostAsync("/api/papers/2409.01234/upvote", null)).StatusCode);
        Assert.DoesNotContain(token, await client.GetStringAsync("/account"));

        var tokenId = await app.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.Name == "laptop").Select(t => t.Id).SingleAsync());
        var revoked = await client.PostAsync($"/account/tokens/{tokenId}/revoke", Form(await client.GetStringAsync("/account")));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.DoesNotContain("<span class=\"token-name\">laptop</span>", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClient(app, token).PostAsync("/api/papers/2409.01234/upvote", null)).StatusCode);
    }

    [Fact]
    public async Task AnAuthorEditsTheirCommentThroughTheFormAndOthersCannot()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "2409.01234");
        var (_, token) = await AddUserAsync(app, "ada");
        await AddUserAsync(app, "bob");
        var id = (await JsonAsync(await ApiClient(app, token).PostAsJsonAsync("/api/papers/2409.01234/comments", new { text = "tpyo" }))).GetProperty("id").GetInt64();
        var ada = app.CreateClient();
        var bob = app.CreateClient();
        await SignInAsync(app, ada, "ada@example.org");
        await SignInAsync(app, bob, "bob@example.org");

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/comments/{id}/edit")).StatusCode);
        var editPage = await ada.GetStringAsync($"/comments/{id}/edit");
        var byBob = await bob.PostAsync($"/comments/{id}/edit", Form(await bob.GetStringAsync("/papers/2409.01234/discussion"), ("text", "hijacked")));
        var empty = await ada.PostAsync($"/comments/{id}/edit", Form(editPage, ("text", " ")));
        var saved = await ada.PostAsync($"/comments/{id}/edit", Form(editPage, ("text", "typo")));

        Assert.Equal(HttpStatusCode.NotFound, byBob.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write something first: the comment is empty.", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("<p>typo</p>", await saved.Content.ReadAsStringAsync());
        Assert.Contains("edited", await saved.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACuratorFeaturesAndHidesThroughThePaperPageAndAMemberIsRefused()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await AddPaperAsync(app, "hep-th/9901001", "Old style paper");
        await AddUserAsync(app, "cora", UserRole.Curator);
        await AddUserAsync(app, "ada");
        var cora = app.CreateClient();
        var ada = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(app, cora, "cora@example.org");
        await SignInAsync(app, ada, "ada@example.org");

        var page = await cora.GetStringAsync("/papers/hep-th/9901001/discussion");
        Assert.Contains("Curator", page);
        Assert.DoesNotContain("class=\"curator\"", await ada.GetStringAsync("/papers/hep-th/9901001/discussion"));
        var featured = await cora.PostAsync("/papers/hep-th/9901001/feature", Form(page, ("day", "2026-08-21")));
        Assert.Contains("featured on <a href=\"/papers/date/2026-08-21\">2026-08-21</a>", await featured.Content.ReadAsStringAsync());

        var refused = await ada.PostAsync("/papers/hep-th/9901001/hide", Form(await ada.GetStringAsync("/papers/hep-th/9901001/discussion")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Only curators can do this.", await refused.Content.ReadAsStringAsync());

        await cora.PostAsync("/papers/hep-th/9901001/hide", Form(await cora.GetStringAsync("/papers/hep-th/9901001/discussion")));
        Assert.True((await app.WithDbAsync(db => db.FindAsync<Paper>("hep-th/9901001").AsTask()))!.Hidden);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync("/papers/hep-th/9901001/discussion")).StatusCode);
        Assert.Equal(new DateOnly(2026, 8, 21), await app.WithDbAsync(db => db.Set<FeaturedPaper>().Select(f => f.Day).SingleAsync()));
    }

    static FormUrlEncodedContent Form(string pageWithAForm, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        values["__RequestVerificationToken"] = AntiforgeryToken(pageWithAForm);
        return new FormUrlEncodedContent(values);
    }
}
