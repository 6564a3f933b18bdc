using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;
using static Paperboy.Tests.Digest.DigestTestData;

namespace Paperboy.Tests.Digest.Outbox;

/// <summary><c>paperboy digest send</c> as a real child process: killed with SIGKILL mid-run, then run again.</summary>
public abstract class DigestSenderProcessTests(Engine engine)
{
    [Fact]
    public async Task ASenderKilledMidRunLeavesTheRestToTheNextRunAndNobodyGetsAMessageTwice()
    {
        // A slow server (0.4 s per recipient) so the kill lands while a message is on its way, never half-saved.
        await using var smtp = await SmtpServer.StartAsync(rcptDelaySeconds: 0.4);
        await using var app = await PaperboyFactory.StartAsync(engine, Settings(smtp));
        await AddPapersAsync(app, Monday, Paper("2608.00001", "Featured"));
        const int count = 12;
        for (var i = 0; i < count; i++) await AddSubscriberAsync(app, $"r{i:00}@example.org");

        await using var first = Start(app, smtp);
        await smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(60));
        // Kill while the next message waits in the server's slow RCPT, not in the instant between the server saving a
        // message and the sender recording it (a kill there re-sends that one message: SMTP has no way to ask).
        // The outbox is read first and the server's folder counted cheaply right before the kill, so that a message
        // saved in between shows as a difference rather than slipping through.
        // Polled every 5 ms: the moment to catch is short.
        await Eventually.WaitUntilAsync(
            async () => await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sent)) == Arrived(smtp),
            TimeSpan.FromSeconds(20), "the outbox's sent rows to match the messages the server saved", TimeSpan.FromMilliseconds(5));
        await first.KillAsync(); // SIGKILL: no clean-up of any kind
        var beforeRerun = (await smtp.MessagesAsync()).Count;
        Assert.InRange(beforeRerun, 4, count - 1);

        // Part of the scenario, not a wait for a condition: the killed run's claims (ClaimSeconds) must run out before
        // a new run may take its messages over; nothing in the system signals that moment but the clock.
        await Task.Delay(TimeSpan.FromSeconds(ClaimSeconds + 0.2));
        await using var second = Start(app, smtp);
        var (code, output, error) = await second.WaitForExitAsync();

        Assert.True(code == 0, output + error);
        Assert.Contains("daily:2026-08-25", output);
        var messages = await smtp.WaitForMessagesAsync(count);
        // A bounded grace period, kept on purpose: under heavy load (the full suite on 2 cores) the last messages were
        // seen arriving after the second run had exited, which nothing in the outbox explains yet, so there is no
        // condition that proves the server has settled. Half a second for a 13th (a duplicate) to show up, as before.
        // TODO: find what delivers after the run's exit, then wait on that instead.
        await Task.Delay(500);
        messages = await smtp.MessagesAsync();
        Assert.Equal(count, messages.Count);
        Assert.Equal(count, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"r{i:00}@example.org"), messages.Select(To).Order());
    }

    /// <summary>
    /// How long a run's claimed rows stay its own. Short, so the test waits little after the kill; long enough that under
    /// the full suite's load a batch of three slow recipients (0.4 s each) is sent before its claim runs out (2 s was
    /// not: the second run's own rows came back unsent once).
    /// </summary>
    const int ClaimSeconds = 4;

    static int Arrived(SmtpServer smtp) => Directory.GetFiles(Path.Combine(smtp.Maildir, "new")).Length;

    static PaperboyProcess Start(PaperboyFactory app, SmtpServer smtp)
    {
        var settings = Settings(smtp, ("Paperboy:Digest:Connections", "1"), ("Paperboy:Digest:ClaimBatch", "3"),
            ("Paperboy:Digest:ClaimSeconds", ClaimSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return PaperboyProcess.Start(app.Database.Settings.Concat(settings), "digest", "send", "--date", "2026-08-25");
    }
}

public sealed class SqliteDigestSenderProcessTests() : DigestSenderProcessTests(Engine.Sqlite);
public sealed class PostgresDigestSenderProcessTests() : DigestSenderProcessTests(Engine.Postgres);
