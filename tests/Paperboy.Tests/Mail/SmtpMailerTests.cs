using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Paperboy.Mail;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Mail;

public class SmtpMailerTests
{
    static MimeMessage Message(string to)
    {
        var m = new MimeMessage { Subject = "Hello" };
        m.To.Add(MailboxAddress.Parse(to));
        m.Body = new TextPart("plain") { Text = "Body text" };
        return m;
    }

    [Fact]
    public async Task AMessageArrivesAtTheServerWithTheConfiguredSender()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, smtp.Settings);
        var mailer = app.Services.GetRequiredService<SmtpMailer>();

        var result = await mailer.SendAsync(Message("reader@example.org"), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var arrived = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("Hello", arrived.Subject);
        Assert.Equal("papers@paperboy.test", arrived.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task ASentMessageIsNotKeptInMemoryByTheMailer()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, new Dictionary<string, string?>(smtp.Settings)
        {
            ["Paperboy:Smtp:ReplyTo"] = "editors@paperboy.test",
        });
        var mailer = app.Services.GetRequiredService<SmtpMailer>();

        var sent = SendAndForget(mailer);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(sent.IsAlive, "the mailer still holds a message it sent");
    }

    /// <summary>Sends a message on a connection kept open, as the digest sender does, and keeps only a weak reference to
    /// the message (in a frame of its own, so no local keeps it alive).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static WeakReference SendAndForget(SmtpMailer mailer)
    {
        using var client = mailer.Connect(CancellationToken.None);
        var message = Message("reader@example.org");
        Assert.Equal(SendOutcome.Sent, mailer.Send(client, message, CancellationToken.None).Outcome);
        message.Dispose();
        return new WeakReference(message);
    }

    [Fact]
    public async Task RefusalsAreToldApartAsTemporaryOrPermanentWithTheServersReason()
    {
        await using var smtp = await SmtpServer.StartAsync(reject451: ["busy@example.org"], reject550: ["gone@example.org"]);
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, smtp.Settings);
        var mailer = app.Services.GetRequiredService<SmtpMailer>();

        var busy = await mailer.SendAsync(Message("busy@example.org"), CancellationToken.None);
        var gone = await mailer.SendAsync(Message("gone@example.org"), CancellationToken.None);

        Assert.Equal(SendOutcome.Temporary, busy.Outcome);
        Assert.StartsWith("451", busy.Reason);
        Assert.Equal(SendOutcome.Permanent, gone.Outcome);
        Assert.Contains("No such user", gone.Reason);
        Assert.Empty(await smtp.MessagesAsync());
    }

    [Fact]
    public async Task AServerThatIsDownIsATemporaryFailureNotACrash()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await smtp.StopAsync();
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite, smtp.Settings);
        var mailer = app.Services.GetRequiredService<SmtpMailer>();

        var result = await mailer.SendAsync(Message("reader@example.org"), CancellationToken.None);

        Assert.Equal(SendOutcome.Temporary, result.Outcome);
        Assert.True(result.Unreachable);
        Assert.Contains("unreachable", result.Reason);
    }
}
