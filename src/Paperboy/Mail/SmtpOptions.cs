using System.ComponentModel.DataAnnotations;

namespace Paperboy.Mail;

/// <summary>Section <c>Paperboy:Smtp</c>. The password belongs in the environment (<c>Paperboy__Smtp__Password</c>), never in a file.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Paperboy:Smtp";

    [Required] public string Host { get; set; } = "localhost";
    [Range(1, 65535)] public int Port { get; set; } = 25;
    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> (default) or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The From address, e.g. <c>Paperboy &lt;papers@example.org&gt;</c>.</summary>
    [Required] public string From { get; set; } = "Paperboy <paperboy@localhost>";
    public string? ReplyTo { get; set; }
    /// <summary>Seconds before a connection or command gives up.</summary>
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 30;
}
