using System.Net;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Digest.DigestTestData;

namespace Paperboy.Tests.Digest;

public class DigestDeliveryTests
{
    /// <summary>
    /// Tuesday's run for a daily reader with three watch-lists and a weekly reader: Monday's two featured papers, three
    /// new papers (one by Hinton, one about diffusion in cs.LG) and an old one about activation steering.
    /// </summary>
    static async Task<(Paperboy.Digest.DigestRunResult Result, MimeKit.MimeMessage Message)> SendTuesdaysDigestAsync()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp, ("Paperboy:Smtp:ReplyTo", "editors@paperboy.test")));
        await AddPapersAsync(app, Monday,
            Paper("2608.00001", "Modest Results", upvotes: 3),
            Paper("2608.00002", "Huge Results on\n  Activation Steering", upvotes: 40, abstractText: "We steer $\\alpha$ activations.\n  " + new string('x', 50) + " " + string.Concat(Enumerable.Repeat("word ", 200))));
        await AddPapersAsync(app, null,
            Paper("2608.00003", "Sparse Autoencoders for Activation Steering", authors: ["Geoffrey Hinton", "Ann Other"]),
            Paper("2608.00004", "Diffusion Everywhere", categories: ["cs.LG"]),
            Paper("2608.00005", "An Old Paper About Activation Steering", published: new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
        await AddSubscriberAsync(app, "reader@example.org", DigestFrequency.Daily, "activation steering", "author:hinton", "cat:cs.LG -diffusion");
        await AddSubscriberAsync(app, "weekly@example.org", DigestFrequency.Weekly);

        var result = await RunAsync(app, Tuesday);

        return (result, Assert.Single(await smtp.WaitForMessagesAsync(1)));
    }

    [Fact]
    public async Task OnATuesdayOnlyTheDailyReaderGetsADigest()
    {
        var (result, m) = await SendTuesdaysDigestAsync();

        Assert.Equal(1, Assert.Single(result.Composed).Messages); // the weekly reader gets nothing on a Tuesday
        Assert.Equal("reader@example.org", To(m));
    }

    [Fact]
    public async Task TheDigestComesFromTheSiteWithItsReplyToAStableMessageIdAndTheDayInTheSubject()
    {
        var (_, m) = await SendTuesdaysDigestAsync();

        Assert.Equal("papers@paperboy.test", m.From.Mailboxes.Single().Address);
        Assert.Equal("editors@paperboy.test", m.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("daily.2026-08-25.1@paperboy.test", m.MessageId);
        Assert.StartsWith("Daily papers, Monday 24 August 2026", m.Subject);
    }

    [Fact]
    public async Task TheDigestListsTheFeaturedPapersBestVotedFirstWithTheFirstLinesOfTheirAbstractsAndTheirLinks()
    {
        var (_, m) = await SendTuesdaysDigestAsync();

        var text = Text(m);
        Assert.True(text.IndexOf("Huge Results on Activation Steering", StringComparison.Ordinal) < text.IndexOf("Modest Results", StringComparison.Ordinal));
        Assert.Contains("40 upvotes", text);
        Assert.Contains("We steer $\\alpha$ activations.", text);
        Assert.DoesNotContain(string.Concat(Enumerable.Repeat("word ", 100)), text); // only the first lines of the abstract
        Assert.Contains("https://paperboy.test/papers/2608.00002", text);
        Assert.Contains("https://arxiv.org/abs/2608.00002", text);
    }

    [Fact]
    public async Task EachWatchlistIsASectionOfItsNewMatchesAndNoPaperAppearsTwiceInAMessage()
    {
        var (_, m) = await SendTuesdaysDigestAsync();

        var text = Text(m);
        Assert.Contains("New on your watch-list \"activation steering\"", text);
        Assert.Contains("Sparse Autoencoders for Activation Steering", text);
        Assert.DoesNotContain("An Old Paper", text);     // not new
        Assert.DoesNotContain("Diffusion Everywhere", text); // excluded by -diffusion
        // A paper appears once per message: featured papers are not repeated in sections, nor sections in each other.
        Assert.Equal(1, CountOf(text, "Sparse Autoencoders for Activation Steering"));
        Assert.Equal(1, CountOf(text, "Huge Results on Activation Steering"));
    }

    [Fact]
    public async Task TheHtmlPartLinksThePapersWithInlineStylesAndNoScript()
    {
        var (_, m) = await SendTuesdaysDigestAsync();

        var html = Html(m);
        Assert.Contains("<a href=\"https://paperboy.test/papers/2608.00002\"", html);
        Assert.Contains("style=\"", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Geoffrey Hinton, Ann Other", html);
    }

    [Fact]
    public async Task EveryDigestCarriesAOneClickUnsubscribeHeaderAndAManageLink()
    {
        var (_, m) = await SendTuesdaysDigestAsync();

        Assert.Matches("^<https://paperboy.test/unsubscribe/[^>]+>$", m.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", m.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("https://paperboy.test/subscriptions/manage/", Text(m));
    }

    static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public async Task AWatchlistMatchIsNeverSentTwiceToTheSameSubscriber()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        await AddPapersAsync(app, Tuesday, Paper("2608.00002", "Featured on Tuesday"));
        await AddPapersAsync(app, null, Paper("2608.00003", "Activation Steering Revisited"));
        await AddSubscriberAsync(app, "reader@example.org", DigestFrequency.Daily, "activation steering", "steering");

        await RunAsync(app, Tuesday);
        await RunAsync(app, Tuesday.AddDays(1)); // Wednesday: the paper is still in the look-back window

        var messages = await smtp.WaitForMessagesAsync(2);
        Assert.Equal(2, messages.Count);
        Assert.Contains("Activation Steering Revisited", Text(messages[0]));
        Assert.Contains("Featured on Tuesday", Text(messages[1]));
        Assert.DoesNotContain("Activation Steering Revisited", Text(messages[1]));
        Assert.DoesNotContain("New on your watch-list", Text(messages[1]));
    }

    [Fact]
    public async Task OneClickUnsubscribeByPostingTheHeaderUrlWorksWithoutSigningInAndAGetChangesNothing()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        await AddSubscriberAsync(app, "leaving@example.org");
        await RunAsync(app, Tuesday);
        var header = (await smtp.WaitForMessagesAsync(1)).Single().Headers["List-Unsubscribe"];
        var path = new Uri(header.Trim('<', '>')).PathAndQuery;
        var client = app.CreateClient(new() { HandleCookies = false });

        var get = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("Stop sending trending papers to <strong>leaving@example.org</strong>?", await get.Content.ReadAsStringAsync());
        Assert.True((await app.WithDbAsync(db => db.Set<Subscription>().SingleAsync())).IsActive);

        var post = await client.PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("You&#x27;re unsubscribed", await post.Content.ReadAsStringAsync());
        Assert.False((await app.WithDbAsync(db => db.Set<Subscription>().SingleAsync())).IsActive);
        var next = await RunAsync(app, Tuesday.AddDays(1));
        Assert.Equal(0, next.Composed.Single().Messages);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(path + "x", null)).StatusCode);
    }

    [Fact]
    public async Task A4xxIsRetriedWithBackoffAndA5xxFailsThatRecipientWithTheServersReasonWhileOthersGetTheirs()
    {
        await using var smtp = await SmtpServer.StartAsync(reject451: ["busy@example.org"], reject550: ["gone@example.org"], reject451Times: 1);
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp, ("Paperboy:Digest:RetryBaseSeconds", "1")));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        foreach (var who in new[] { "a@example.org", "busy@example.org", "gone@example.org", "z@example.org" }) await AddSubscriberAsync(app, who);

        var first = await RunAsync(app, Tuesday);

        Assert.Equal((2, 1, 1), (first.Sent!.Sent, first.Sent.Failed, first.Sent.Retrying));
        var rows = await app.WithDbAsync(db => db.Set<OutboxMessage>().ToDictionaryAsync(m => m.Recipient));
        Assert.Equal(OutboxStatus.Failed, rows["gone@example.org"].Status);
        Assert.Contains("550", rows["gone@example.org"].LastError);
        Assert.Contains("No such user", rows["gone@example.org"].LastError);
        Assert.Equal(OutboxStatus.Pending, rows["busy@example.org"].Status);
        Assert.StartsWith("451", rows["busy@example.org"].LastError);
        Assert.True(rows["busy@example.org"].NextAttemptAt > DateTime.UtcNow.AddMilliseconds(-100));
        Assert.Equal(new[] { "a@example.org", "z@example.org" }, (await smtp.WaitForMessagesAsync(2)).Select(To).Order());

        // Part of the scenario: the busy recipient's backoff (RetryBaseSeconds = 1) runs out on the clock before the retry.
        var backoffLeft = rows["busy@example.org"].NextAttemptAt - DateTime.UtcNow;
        if (backoffLeft > TimeSpan.Zero) await Task.Delay(backoffLeft + TimeSpan.FromMilliseconds(100));
        var retry = await RunAsync(app, Tuesday);

        Assert.Equal(0, retry.Composed.Single().Messages);
        Assert.Equal(1, retry.Sent!.Sent);
        var all = await smtp.WaitForMessagesAsync(3);
        Assert.Equal(new[] { "a@example.org", "busy@example.org", "z@example.org" }, all.Select(To).Order());
    }

    [Fact]
    public async Task WhenTheServerIsDownTheRunEndsWithAClearStatusAndTheNextRunSendsEverythingOnce()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, Settings(smtp));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        for (var i = 0; i < 5; i++) await AddSubscriberAsync(app, $"r{i}@example.org");
        await smtp.StopAsync();

        var down = await RunAsync(app, Tuesday);

        Assert.Equal(0, down.Sent!.Sent);
        Assert.Contains("unreachable", down.Sent.Unreachable);
        Assert.Equal(5, down.Sent.Waiting);
        Assert.All(await app.WithDbAsync(db => db.Set<OutboxMessage>().ToListAsync()), m => Assert.Equal((OutboxStatus.Pending, 0, null), (m.Status, m.Attempts, m.LockedBy)));

        await smtp.StartAsync();
        var up = await RunAsync(app, Tuesday);

        Assert.Equal((5, 0, (string?)null), (up.Sent!.Sent, up.Sent.Waiting, up.Sent.Unreachable));
        var messages = await smtp.WaitForMessagesAsync(5);
        Assert.Equal(5, messages.Select(To).Distinct().Count());
        Assert.Equal(5, messages.Count);
    }
}

public class DigestScheduleTests
{
    [Fact]
    public async Task OnceItsTimeHasComeTheScheduleSendsTheDaysDigestOnce()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var settings = Settings(smtp, ("Paperboy:Digest:Scheduled", "true"), ("Paperboy:Digest:SendAt", "00:00"), ("Paperboy:Digest:TimeZone", "UTC"));
        settings["Paperboy:Digest:DailyDays"] = "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday";
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await using var db = await TestDatabase.CreateAsync(Engine.Sqlite);
        // Arrange in a first app with the schedule off, then start the scheduled one on the same database.
        await using (var arrange = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>(db.Settings)))
        {
            await AddPapersAsync(arrange, yesterday, Paper("2608.00001", "Yesterday's Best", upvotes: 5));
            await AddSubscriberAsync(arrange, "early@example.org");
        }
        foreach (var (k, v) in db.Settings) settings[k] = v;

        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, settings);

        // Settled: the schedule's run has ended (it gives its lease back) and every outbox row is sent, so no sender has
        // anything left to send; the server saves a message before accepting it, so what arrived is all that will.
        await Eventually.WaitUntilAsync(async () => await app.WithDbAsync(async d =>
                !await d.Set<JobLease>().AnyAsync(l => l.Name == "digest-send")
                && await d.Set<OutboxMessage>().AnyAsync()
                && await d.Set<OutboxMessage>().AllAsync(o => o.Status == OutboxStatus.Sent)),
            TimeSpan.FromSeconds(30), "the scheduled digest run to end with its outbox sent");
        Assert.Equal(OutboxStatus.Sent, (await app.WithDbAsync(d => d.Set<OutboxMessage>().SingleAsync())).Status);
        var m = Assert.Single(await smtp.MessagesAsync());
        Assert.Contains("Yesterday's Best", Text(m));
    }
}
