using System.Net.Sockets;
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
    MailboxAddress? _from;
    MailboxAddress? _replyTo;

    public MailboxAddress From => _from ??= MailboxAddress.Parse(options.Value.From);
    public MailboxAddress? ReplyTo => options.Value.ReplyTo is { Length: > 0 } r ? _replyTo ??= MailboxAddress.Parse(r) : null;

    /// <summary>Opens a connection for sending several messages; dispose it when done.</summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var o = options.Value;
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(await OpenSocketAsync(o, ct), o.Host, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a connection, blocking: for a sender that gives each connection a thread of its own (a blocked thread
    /// wakes straight on the server's answer, where async hops through the thread pool: it counts on a busy machine).
    /// </summary>
    public SmtpClient Connect(CancellationToken ct)
    {
        var o = options.Value;
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            client.Connect(OpenSocketAsync(o, ct).GetAwaiter().GetResult(), o.Host, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(o.User)) client.Authenticate(o.User, o.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A connected socket with Nagle's algorithm off. With it on, the last small write of each message (the closing
    /// dot) waited for the server's delayed ACK, 40 ms on Linux: a ceiling of 25 messages/s per connection.
    /// </summary>
    static async Task<Socket> OpenSocketAsync(SmtpOptions o, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        try
        {
            await socket.ConnectAsync(o.Host, o.Port, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"no answer within {o.TimeoutSeconds} s");
        }
        catch
        {
            socket.Dispose();
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
        Address(message);
        try
        {
            await client.SendAsync(message, ct);
            return Accepted;
        }
        catch (SmtpCommandException e) { return Refused(message, e); }
        catch (Exception e) when (IsConnectFailure(e)) { return Unreachable(e); }
    }

    /// <summary>Sends one message on an open connection, blocking (see <see cref="Connect"/>).</summary>
    public SendResult Send(SmtpClient client, MimeMessage message, CancellationToken ct)
    {
        Address(message);
        try
        {
            client.Send(message, ct);
            return Accepted;
        }
        catch (SmtpCommandException e) { return Refused(message, e); }
        catch (Exception e) when (IsConnectFailure(e)) { return Unreachable(e); }
    }

    static readonly SendResult Accepted = new(SendOutcome.Sent, null);

    /// <summary>
    /// Adds the configured sender (and reply address) as new address objects: a message's address list subscribes to
    /// the addresses added to it, so one shared instance kept every message ever sent reachable through its event
    /// (1.7 GB resident after 100,000 digests).
    /// </summary>
    void Address(MimeMessage message)
    {
        if (message.From.Count == 0) message.From.Add(new MailboxAddress(From.Name, From.Address));
        if (message.ReplyTo.Count == 0 && ReplyTo is { } replyTo) message.ReplyTo.Add(new MailboxAddress(replyTo.Name, replyTo.Address));
    }

    SendResult Refused(MimeMessage message, SmtpCommandException e)
    {
        var code = (int)e.StatusCode;
        var reason = $"{code} {e.Message}".Trim();
        log.LogWarning("smtp refused {MessageId}: {Reason}", message.MessageId, reason);
        return new SendResult(code is >= 400 and < 500 ? SendOutcome.Temporary : SendOutcome.Permanent, reason);
    }

    SendResult Unreachable(Exception e) => new(SendOutcome.Temporary, UnreachableReason(e), Unreachable: true);

    /// <summary>Why the server could not be reached, in words for the run's status (and logged once here).</summary>
    public string UnreachableReason(Exception e)
    {
        var o = options.Value;
        log.LogWarning("smtp unreachable {Host}:{Port}: {Reason}", o.Host, o.Port, e.Message);
        return $"SMTP server {o.Host}:{o.Port} unreachable: {e.Message}";
    }

    static bool IsConnectFailure(Exception e) =>
        e is System.Net.Sockets.SocketException or IOException or ServiceNotConnectedException or SmtpProtocolException or TimeoutException
        or SslHandshakeException or OperationCanceledException { CancellationToken.IsCancellationRequested: false };
}

public enum SendOutcome { Sent, Temporary, Permanent }

/// <summary>How one send went; <paramref name="Reason"/> is the server's words or why it could not be reached.</summary>
public sealed record SendResult(SendOutcome Outcome, string? Reason, bool Unreachable = false);
