using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Digest;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Digest.DigestTestData;

namespace Paperboy.Tests.Digest;

public class SubscriptionTests
{
    static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pagePath, string action, params (string, string)[] fields)
    {
        var page = await client.GetStringAsync(pagePath);
        var form = new List<KeyValuePair<string, string>>(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)))
        {
            KeyValuePair.Create("__RequestVerificationToken", FormToken(page)),
        };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>" Reader@Example.org " asks for the weekly digest through the API; the one mail that arrives is the confirmation.</summary>
    static async Task<(HttpClient Client, HttpResponseMessage Response, MimeKit.MimeMessage Confirmation, string Link)> SubscribeWeeklyAsync(
        SmtpServer smtp, PaperboyFactory app)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/subscriptions", new { email = "Reader@Example.org ", frequency = "weekly" });
        var confirmation = Assert.Single(await smtp.WaitForMessagesAsync(1));
        return (client, response, confirmation, LinkPath(Text(confirmation), "/subscribe/confirm/"));
    }

    /// <summary>Subscribes as <see cref="SubscribeWeeklyAsync"/> does, then presses the button behind the confirmation link.</summary>
    static async Task<HttpResponseMessage> SubscribeWeeklyAndConfirmAsync(SmtpServer smtp, PaperboyFactory app)
    {
        var (client, _, _, link) = await SubscribeWeeklyAsync(smtp, app);
        return await PostFormAsync(client, link, link);
    }

    [Fact]
    public async Task SubscribingIsAcceptedAndMailsAConfirmationToTheAddressTrimmedAndInLowerCase()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));

        var (_, response, confirmation, _) = await SubscribeWeeklyAsync(smtp, app);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Confirm your Paperboy subscription", confirmation.Subject);
        Assert.Equal("reader@example.org", To(confirmation));
    }

    [Fact]
    public async Task TheConfirmationMailNamesTheChosenFrequency()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));

        var (_, _, confirmation, _) = await SubscribeWeeklyAsync(smtp, app);

        Assert.Contains("weekly", Text(confirmation));
    }

    [Fact]
    public async Task OpeningTheConfirmationLinkShowsAConfirmButtonAndConfirmsNothing()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        var (client, _, _, link) = await SubscribeWeeklyAsync(smtp, app);

        var page = await client.GetStringAsync(link);

        Assert.Contains("Confirm my subscription", page);
        Assert.Null(await app.WithDbAsync(db => db.Set<Subscription>().Select(s => s.ConfirmedAt).SingleAsync())); // a GET changes nothing
    }

    [Fact]
    public async Task PressingConfirmSaysYoureSubscribedAndLinksToTheManagePage()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));

        var confirmed = await SubscribeWeeklyAndConfirmAsync(smtp, app);

        var body = await confirmed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("You&#x27;re subscribed", body);
        Assert.Contains("/subscriptions/manage/", body);
    }

    [Fact]
    public async Task PressingConfirmActivatesTheSubscriptionAtTheChosenFrequency()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));

        await SubscribeWeeklyAndConfirmAsync(smtp, app);

        var sub = await app.WithDbAsync(db => db.Set<Subscription>().SingleAsync());
        Assert.True(sub.IsActive);
        Assert.Equal(DigestFrequency.Weekly, sub.Frequency);
    }

    [Fact]
    public async Task SubscribingAndConfirmingSendOnlyTheConfirmationMail()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));

        await SubscribeWeeklyAndConfirmAsync(smtp, app);

        Assert.Single(await smtp.MessagesAsync());
    }

    [Fact]
    public async Task AskingAgainIsHarmlessAndTheAnswerNeverTellsWhetherTheAddressIsKnown()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        await AddSubscriberAsync(app, "known@example.org");
        var client = app.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/subscriptions", new { email = "new@example.org", frequency = "daily" });
        var known = await client.PostAsJsonAsync("/api/subscriptions", new { email = "known@example.org", frequency = "weekly" });
        var again = await client.PostAsJsonAsync("/api/subscriptions", new { email = "new@example.org", frequency = "daily" });

        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        // Every message goes through the outbox, written before the answer: once all its rows are sent, nothing more comes.
        var outbox = await Eventually.WaitForAsync(() => app.WithDbAsync(db => db.Set<OutboxMessage>().ToListAsync()),
            rows => rows.Count > 0 && rows.All(r => r.Status == OutboxStatus.Sent), TimeSpan.FromSeconds(15), "the outbox to be sent");
        Assert.Equal("new@example.org", Assert.Single(outbox).Recipient); // one confirmation: none for the known address, none twice
        var arrived = Assert.Single(await smtp.MessagesAsync());
        Assert.Equal("new@example.org", To(arrived));
        var knownSub = await app.WithDbAsync(db => db.Set<Subscription>().SingleAsync(s => s.Email == "known@example.org"));
        Assert.Equal(DigestFrequency.Daily, knownSub.Frequency); // a stranger cannot change it
    }

    [Theory]
    [InlineData("not-an-address", "daily", "email", "is not an email address")]
    [InlineData("", "daily", "email", "Enter an email address.")]
    [InlineData("a@example.org", "hourly", "frequency", "frequency must be 'daily' or 'weekly', not 'hourly'.")]
    public async Task BadInputIsAProblemNamingTheParameter(string email, string frequency, string parameter, string message)
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(null));

        var response = await app.CreateClient().PostAsJsonAsync("/api/subscriptions", new { email, frequency });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Subscription>().CountAsync()));
    }

    [Fact]
    public async Task TheSubscribeBoxInTheHeaderLeadsToAFormThatWorksWithoutScript()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        var client = app.CreateClient();

        var page = await client.GetStringAsync("/subscribe?email=box%40example.org");
        Assert.Contains("Get trending papers in your email inbox", page);
        Assert.Contains("value=\"box@example.org\"", page);
        var bad = await PostFormAsync(client, "/subscribe", "/subscribe", ("email", "nope"), ("frequency", "daily"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("&#x27;nope&#x27; is not an email address", await bad.Content.ReadAsStringAsync());

        var ok = await PostFormAsync(client, "/subscribe", "/subscribe", ("email", "box@example.org"), ("frequency", "daily"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("Check your inbox", await ok.Content.ReadAsStringAsync());
        Assert.Equal("box@example.org", To(Assert.Single(await smtp.WaitForMessagesAsync(1))));
    }

    [Fact]
    public async Task AConfirmationLinkThatExpiredWasReusedOrWasTamperedWithSaysSoAndConfirmsNothing()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/subscriptions", new { email = "late@example.org", frequency = "daily" });
        var link = LinkPath(Text((await smtp.WaitForMessagesAsync(1)).Single()), "/subscribe/confirm/");
        var sub = await app.WithDbAsync(db => db.Set<Subscription>().SingleAsync());
        var signer = app.Services.GetRequiredService<LinkSigner>();
        var expired = "/subscribe/confirm/" + await signer.SignAsync(SubscriptionService.ConfirmPurpose, sub.Id, DateTime.UtcNow.AddMinutes(-1), sub.ConfirmNonce!, default);
        var token = link["/subscribe/confirm/".Length..];
        var tampered = "/subscribe/confirm/" + (sub.Id + 1) + token[token.IndexOf('.')..];

        var expiredPage = await client.GetAsync(expired);
        var tamperedPage = await client.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Gone, expiredPage.StatusCode);
        Assert.Contains("This link has expired", await expiredPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tamperedPage.StatusCode);
        Assert.Contains("This link is not valid", await tamperedPage.Content.ReadAsStringAsync());
        Assert.False((await app.WithDbAsync(db => db.Set<Subscription>().SingleAsync())).IsActive);

        Assert.Contains("You&#x27;re subscribed", await (await PostFormAsync(client, link, link)).Content.ReadAsStringAsync());
        Assert.Contains("Already confirmed", await client.GetStringAsync(link));
        await app.Services.CreateScope().ServiceProvider.GetRequiredService<SubscriptionService>().UnsubscribeAsync(sub.Id, default);
        var reused = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("already used", await reused.Content.ReadAsStringAsync());
        Assert.False((await app.WithDbAsync(db => db.Set<Subscription>().SingleAsync())).IsActive);
    }
}
