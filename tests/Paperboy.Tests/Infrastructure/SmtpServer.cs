using System.Diagnostics;
using MimeKit;

namespace Paperboy.Tests.Infrastructure;

/// <summary>
/// Debian's aiosmtpd on a free loopback port, saving what arrives in a Maildir; one per test.
/// <c>await using var smtp = await SmtpServer.StartAsync(reject451: ["busy@example.org"]);</c>
/// then point the app at it with <see cref="Settings"/> and read what arrived with <see cref="MessagesAsync"/>.
/// <see cref="StopAsync"/> and <see cref="StartAsync()"/> again on the same port simulate an outage.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public int Port { get; }
    public string Maildir { get; }
    readonly string[] _reject451;
    readonly string[] _reject550;
    readonly int _reject451Times;
    readonly double _rcptDelaySeconds;
    Process? _process;

    SmtpServer(int port, string maildir, string[] reject451, string[] reject550, int reject451Times, double rcptDelaySeconds)
    {
        Port = port;
        Maildir = maildir;
        _reject451 = reject451;
        _reject550 = reject550;
        _reject451Times = reject451Times;
        _rcptDelaySeconds = rcptDelaySeconds;
    }

    /// <param name="reject451Times">Refuse the <paramref name="reject451"/> addresses only on their first N attempts (0: always).</param>
    /// <param name="rcptDelaySeconds">A slow server: waits this long before answering each RCPT (nothing is saved during the wait).</param>
    public static async Task<SmtpServer> StartAsync(string[]? reject451 = null, string[]? reject550 = null,
        int reject451Times = 0, double rcptDelaySeconds = 0)
    {
        var server = new SmtpServer(LoopbackPort.Free(), Directory.CreateTempSubdirectory("paperboy-smtp-").FullName, reject451 ?? [], reject550 ?? [],
            reject451Times, rcptDelaySeconds);
        await server.StartAsync();
        return server;
    }

    /// <summary>Settings that point Paperboy at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Paperboy:Smtp:Host"] = "127.0.0.1",
        ["Paperboy:Smtp:Port"] = Port.ToString(),
        ["Paperboy:Smtp:Security"] = "None",
        ["Paperboy:Smtp:From"] = "Paperboy <papers@paperboy.test>",
        ["Paperboy:Smtp:TimeoutSeconds"] = "10",
    };

    public async Task StartAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_server.py");
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { script, "--port", Port.ToString(), "--maildir", Maildir,
                "--reject-451", string.Join(',', _reject451), "--reject-550", string.Join(',', _reject550),
                "--reject-451-times", _reject451Times.ToString(), "--rcpt-delay", _rcptDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready is null || !ready.StartsWith("ready"))
            throw new InvalidOperationException($"aiosmtpd did not start: {await _process.StandardError.ReadToEndAsync()}");
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message that arrived so far, parsed with MimeKit, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesAsync()
    {
        var dir = Path.Combine(Maildir, "new");
        if (!Directory.Exists(dir)) return [];
        var list = new List<(DateTime, MimeMessage)>();
        foreach (var file in Directory.GetFiles(dir))
            list.Add((File.GetLastWriteTimeUtc(file), await MimeMessage.LoadAsync(file)));
        return list.OrderBy(m => m.Item1).Select(m => m.Item2).ToList();
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages arrived (the app sends in the background), and fails the
    /// test if they have not within the timeout (15 s unless given). To show that no more come, wait for what proves
    /// the sender is done (its run returned, its outbox rows are sent), then read <see cref="MessagesAsync"/>: the
    /// server saves a message before it answers 250, so a message the sender saw accepted is already here.
    /// </summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(MessagesAsync, messages => messages.Count >= count, timeout ?? TimeSpan.FromSeconds(15),
            $"{count} message(s) to arrive at the SMTP server");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Maildir, recursive: true); } catch (IOException) { }
    }
}
