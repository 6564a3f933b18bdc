using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Paperboy.Mail;

/// <summary>
/// Sends messages over SMTP with MailKit and says how a failure should be treated:
/// <see cref="SendOutcome.Sent"/>, <see cref="SendOutcome.Temporary"/> (4xx, server unreachable: retry later) or
/// <see cref="SendOutcome.Permanent"/> (5xx: don't retry this recipient).
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options, ILogger<SmtpMailer> log)
{
    public MailboxAddress From => MailboxAddress.Parse(options.Value.From);
    public MailboxAddress? ReplyTo => options.Value.ReplyTo is { Length: > 0 } r ? MailboxAddress.Parse(r) : null;

    /// <summary>Opens a connection for sending several messages; dispose it when done.</summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var o = options.Value;
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one message on its own connection.</summary>
    public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct)
    {
        SmtpClient client;
        try { client = await ConnectAsync(ct); }
        catch (Exception e) when (IsConnectFailure(e)) { return Unreachable(e); }
        using (client)
        {
            var result = await SendAsync(client, message, ct);
            if (client.IsConnected) await client.DisconnectAsync(quit: true, ct);
            return result;
        }
    }

    /// <summary>Sends one message on an open connection.</summary>
    public async Task<SendResult> SendAsync(SmtpClient client, MimeMessage message, CancellationToken ct)
    {
        if (message.From.Count == 0) message.From.Add(From);
        if (message.ReplyTo.Count == 0 && ReplyTo is { } replyTo) message.ReplyTo.Add(replyTo);
        try
        {
            await client.SendAsync(message, ct);
            return new SendResult(SendOutcome.Sent, null);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var reason = $"{code} {e.Message}".Trim();
            log.LogWarning("smtp refused {MessageId}: {Reason}", message.MessageId, reason);
            return new SendResult(code is >= 400 and < 500 ? SendOutcome.Temporary : SendOutcome.Permanent, reason);
        }
        catch (Exception e) when (IsConnectFailure(e))
        {
            return Unreachable(e);
        }
    }

    SendResult Unreachable(Exception e)
    {
        var o = options.Value;
        var reason = $"SMTP server {o.Host}:{o.Port} unreachable: {e.Message}";
        log.LogWarning("smtp unreachable {Host}:{Port}: {Reason}", o.Host, o.Port, e.Message);
        return new SendResult(SendOutcome.Temporary, reason, Unreachable: true);
    }

    static bool IsConnectFailure(Exception e) =>
        e is System.Net.Sockets.SocketException or IOException or ServiceNotConnectedException or SmtpProtocolException or TimeoutException
        or SslHandshakeException or OperationCanceledException { CancellationToken.IsCancellationRequested: false };
}

public enum SendOutcome { Sent, Temporary, Permanent }

/// <summary>How one send went; <paramref name="Reason"/> is the server's words or why it could not be reached.</summary>
public sealed record SendResult(SendOutcome Outcome, string? Reason, bool Unreachable = false);
