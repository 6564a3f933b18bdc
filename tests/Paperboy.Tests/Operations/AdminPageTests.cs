using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Ingest.HfDaily;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Community.CommunityTestData;

namespace Paperboy.Tests.Operations;

/// <summary>/admin as an operator reads it, on both engines: imports, the outbox and its resend button, the back-log, leases, the audit log.</summary>
public abstract class AdminPageTests(Engine engine)
{
    static async Task<HttpClient> SignedInAsync(PaperboyFactory app, string handle, UserRole role)
    {
        await AddUserAsync(app, handle, role);
        var client = app.CreateClient();
        await SignInAsync(app, client, $"{handle}@example.org");
        return client;
    }

    static async Task<string[]> RowsAsync(HttpClient admin, string selector)
    {
        var (_, page) = await Html.GetAsync(admin, "/admin");
        return page.QuerySelectorAll(selector).Select(r => string.Join(" ", r.QuerySelectorAll("td").Select(c => c.Text()))).ToArray();
    }

    [Fact]
    public async Task AStrangerIsSentToSignIn()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/admin");
        Assert.Equal("/signin?returnUrl=%2Fadmin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ACuratorIsRefused()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var curator = await SignedInAsync(app, "cora", UserRole.Curator);
        Assert.Equal(HttpStatusCode.Forbidden, (await curator.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task EveryCuratorActionIsInTheAuditLogNewestFirstWithWhoDidIt()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await AddPaperAsync(app, "2409.01234");
        var (_, curatorToken) = await AddUserAsync(app, "cora", UserRole.Curator);
        var curator = ApiClient(app, curatorToken);
        await curator.PutAsJsonAsync("/api/papers/2409.01234/featured", new { day = "2026-08-21" });
        await curator.PutAsync("/api/papers/2409.01234/hidden", null);
        await curator.DeleteAsync("/api/papers/2409.01234/hidden");
        await curator.DeleteAsync("/api/papers/2409.01234/featured");
        var admin = await SignedInAsync(app, "ada", UserRole.Admin);

        var rows = await RowsAsync(admin, "tr.audit");
        Assert.Equal(["@cora took off its day 2409.01234", "@cora showed again 2409.01234", "@cora hid 2409.01234", "@cora featured 2409.01234 on 2026-08-21"],
            rows.Select(r => r[20..]).ToArray()); // after the time, "yyyy-MM-dd HH:mm:ss "
    }

    [Fact]
    public async Task TheFirstAdminAddedOnTheCommandLineFindsThatInTheAuditLog()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await PaperboyProcess.RunAsync(app.Database.Settings, "users", "add", "--handle", "ada", "--email", "ada@example.org", "--role", "admin");
        var admin = app.CreateClient();
        await SignInAsync(app, admin, "ada@example.org");

        Assert.EndsWith("command line added the account @ada as admin", Assert.Single(await RowsAsync(admin, "tr.audit")));
    }

    [Fact]
    public async Task AnImportRunShowsWithItsCountsAndWhatItRejected()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.Services.GetRequiredService<HfDailyImporter>().ImportFilesAsync(
            [SharedData.PathOf("hf-daily-papers", "2026-08-21.json"), SharedData.PathOf("hf-daily-papers", "2024-12-11.json")], null, CancellationToken.None);
        var admin = await SignedInAsync(app, "ada", UserRole.Admin);

        var run = Assert.Single(await RowsAsync(admin, "tr.import"));
        Assert.Matches(@"^hf-daily .* succeeded .* 17 0 0 26 .*2024-12-11\.json: 26 of 26 entries are strings", run);
    }

    [Fact]
    public async Task AFailedMessageIsSentAgainWithTheResendButtonAndTheResendIsAudited()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        var message = new OutboxMessage
        {
            // A digest: with the schedule off (as in these tests) nothing sends it before the test reads it back.
            Kind = OutboxKind.Digest, DigestKey = "daily:2026-08-24", Recipient = "reader@example.org", MessageId = "<m1@paperboy>", Content = "{}", Status = OutboxStatus.Failed,
            Attempts = 5, NextAttemptAt = DateTime.UtcNow, LastError = "550 mailbox unavailable", CreatedAt = DateTime.UtcNow,
        };
        await app.WithDbAsync(async db => { db.Add(message); await db.SaveChangesAsync(); });
        var admin = await SignedInAsync(app, "ada", UserRole.Admin);
        var page = await admin.GetStringAsync("/admin");

        var resend = await admin.PostAsync($"/admin/outbox/{message.Id}/resend",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken(page) }));

        Assert.Equal(HttpStatusCode.OK, resend.StatusCode); // followed the redirect back to /admin
        var stored = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync());
        Assert.Equal((OutboxStatus.Pending, 0, "<m1@paperboy>"), (stored.Status, stored.Attempts, stored.MessageId));
        Assert.EndsWith($"@ada sent again message {message.Id} to reader@example.org", (await RowsAsync(admin, "tr.audit"))[0]);
    }

    [Fact]
    public async Task TheBacklogAndTheLeasesShow()
    {
        await using var app = await PaperboyFactory.StartAsync(engine);
        await app.Services.GetRequiredService<HfDailyImporter>()
            .ImportFilesAsync([SharedData.PathOf("hf-daily-papers", "2026-08-21.json")], null, CancellationToken.None);
        await app.Services.GetRequiredService<JobLeases>().TryAcquireAsync("digest", TimeSpan.FromMinutes(5), CancellationToken.None);
        var admin = await SignedInAsync(app, "ada", UserRole.Admin);

        var (_, page) = await Html.GetAsync(admin, "/admin");
        Assert.StartsWith("17 of 17 papers wait for a vector of arctic-xs", page.QuerySelector("p.backlog").Text());
        Assert.StartsWith("digest ", Assert.Single(await RowsAsync(admin, "tr.lease")));
    }
}

public sealed class SqliteAdminPageTests() : AdminPageTests(Engine.Sqlite);
public sealed class PostgresAdminPageTests() : AdminPageTests(Engine.Postgres);
