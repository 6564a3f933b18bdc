using Microsoft.Extensions.Options;
using MimeKit;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Digest;

/// <summary>Turns an outbox row into the MIME message that goes out (and into the preview).</summary>
public sealed class MessageRenderer(LinkSigner signer, IOptions<DigestOptions> options, IOptions<SiteOptions> site)
{
    public const string ManagePurpose = "manage";

    /// <summary>The signed token of a subscriber's manage and unsubscribe links (they do not expire).</summary>
    public Task<string> ManageTokenAsync(long subscriptionId, CancellationToken ct) =>
        signer.SignAsync(ManagePurpose, subscriptionId, null, "m", ct);

    public async Task<MimeMessage> RenderAsync(OutboxMessage row, IReadOnlyDictionary<string, PaperSummary> papers, CancellationToken ct)
    {
        var message = new MimeMessage { MessageId = row.MessageId, Date = DateTimeOffset.UtcNow };
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        if (row.Kind == OutboxKind.Confirmation)
        {
            Confirmation(message, ConfirmationContent.FromJson(row.Content));
            return message;
        }
        var period = DigestPeriod.Parse(row.DigestKey!, options.Value)
                     ?? throw new InvalidOperationException($"outbox row {row.Id} names an unknown digest '{row.DigestKey}'");
        var content = DigestContent.FromJson(row.Content);
        var links = new DigestLinks(site.Value.PublicBaseUrl.TrimEnd('/'), await ManageTokenAsync(row.SubscriptionId!.Value, ct));
        var bodies = new DigestBodies(links, options.Value.AbstractChars);
        message.Subject = DigestText.Subject(period, content, papers);
        message.Headers.Add("List-Unsubscribe", $"<{links.Unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("List-Id", $"Paperboy digest <digest.{site.Value.Host}>");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new MultipartAlternative { Part("plain", bodies.Text(period, content, papers)), Part("html", bodies.Html(period, content, papers)) };
        return message;
    }

    /// <summary>
    /// A text part sent as 8bit when every line fits well within SMTP's 998: no quoted-printable inflation of every '='
    /// and non-ASCII letter, and a few dozen lines for the server to read instead of hundreds. MimeKit still falls back
    /// to quoted-printable for a server without 8BITMIME, and leaves a part with a longer line to choose for itself.
    /// </summary>
    static TextPart Part(string subtype, string text)
    {
        var part = new TextPart(subtype) { Text = text };
        if (LongestLineBytes(text) <= 990) part.ContentTransferEncoding = ContentEncoding.EightBit;
        return part;
    }

    static int LongestLineBytes(string text)
    {
        int longest = 0, start = 0;
        for (int i; (i = text.IndexOf('\n', start)) >= 0; start = i + 1)
            longest = Math.Max(longest, System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(start, i - start)));
        return Math.Max(longest, System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(start)));
    }

    static void Confirmation(MimeMessage message, ConfirmationContent c)
    {
        var what = c.Frequency == DigestFrequency.Weekly ? "a weekly email (Mondays)" : "a daily email (Monday to Friday)";
        message.Subject = "Confirm your Paperboy subscription";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var expires = c.ExpiresAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"Someone (hopefully you) asked to get trending papers in this inbox: {what}.\n\n" +
                   $"To confirm, open this link before {expires}:\n{c.ConfirmUrl}\n\n" +
                   "If it wasn't you, ignore this message: nothing more will be sent.\n";
        var url = System.Net.WebUtility.HtmlEncode(c.ConfirmUrl);
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Confirm your subscription</title></head>" +
                   "<body style=\"font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2328;max-width:600px;margin:0 auto;padding:16px;\">" +
                   $"<p>Someone (hopefully you) asked to get trending papers in this inbox: {what}.</p>" +
                   $"<p><a href=\"{url}\" style=\"display:inline-block;padding:8px 14px;background:#0969da;color:#ffffff;border-radius:6px;text-decoration:none;\">Confirm my subscription</a></p>" +
                   $"<p style=\"font-size:13px;color:#656d76;\">The link works until {expires}. If it wasn't you, ignore this message: nothing more will be sent.</p></body></html>";
        message.Body = new MultipartAlternative { Part("plain", text), Part("html", html) };
    }
}
