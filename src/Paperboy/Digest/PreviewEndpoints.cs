using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Digest;

/// <summary>
/// <c>/digest/preview?date=&amp;frequency=&amp;email=&amp;format=text</c>: the exact message that goes out on a day, for curators
/// (the community role; a stranger is sent to sign in, a member gets 403, like the other curator pages). With
/// <c>email=</c>, that subscriber's message with their watch-lists: the outbox row when it is already composed.
/// </summary>
public static class PreviewEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/digest/preview", async (HttpContext http, string? date, string? frequency, string? email, string? format,
            PaperboyDb db, DigestInputs inputs, DigestRunner runner, MessageRenderer renderer, SubscriptionService subscriptions,
            IOptions<DigestOptions> options, CancellationToken ct) =>
        {
            if (Viewer.From(http) is not { } viewer) return Pages.SignInFirst(http);
            if (!viewer.IsCurator) return Pages.Message(403, "Curators only", "Only curators can preview the digests.");
            var day = runner.Today;
            if (date is not null && !DigestPeriod.TryParseDay(date, out day, out var dateError))
                return Pages.Message(400, "Not a date", $"date {dateError}", "/digest/preview", "Today's digest");
            var freq = DigestFrequency.Daily;
            if (frequency is not null && (!Enum.TryParse(frequency, true, out freq) || !Enum.IsDefined(freq)))
                return Pages.Message(400, "Not a frequency", $"frequency '{frequency}' must be daily or weekly.", "/digest/preview", "Today's digest");
            if (DigestPeriod.For(freq, day, options.Value) is not { } period)
                return Pages.Message(200, "No digest that day", $"No {freq.ToString().ToLowerInvariant()} digest goes out on {day:dddd yyyy-MM-dd}.");
            Subscription? sub = null;
            if (!string.IsNullOrWhiteSpace(email)
                && (sub = await subscriptions.FindByEmailAsync(email, ct)) is null)
                return Pages.Message(404, "No such subscriber", $"No subscription for '{email}'.", "/digest/preview", "Preview without watch-lists");
            var composed = sub is null ? null : await db.Set<OutboxMessage>()
                .SingleOrDefaultAsync(m => m.DigestKey == period.Key && m.SubscriptionId == sub.Id, ct);
            var watchlists = sub?.Watchlists.Select(w => w.Query).ToList() ?? [];
            var content = composed is not null ? DigestContent.FromJson(composed.Content)
                : (await inputs.LoadPlanAsync(db, period, watchlists, ct)).ContentFor(sub?.Id ?? 0, watchlists) ?? new DigestContent([], []);
            var papers = await db.Set<Paper>().Where(p => content.PaperIds.Contains(p.Id))
                .Select(p => new PaperSummary(p.Id, p.Title, p.Authors, p.Abstract, p.ImportedUpvotes + p.LocalUpvotes)).ToDictionaryAsync(p => p.Id, ct);
            var row = new OutboxMessage
            {
                Kind = OutboxKind.Digest, DigestKey = period.Key, SubscriptionId = sub?.Id ?? 0, Recipient = sub?.Email ?? "subscriber@example.org",
                MessageId = "preview@paperboy", Content = content.ToJson(),
            };
            var message = await renderer.RenderAsync(row, papers, ct);
            var part = message.BodyParts.OfType<TextPart>().First(p => p.IsHtml != (format == "text"));
            // The message's HTML has inline styles (as mail needs); allow them on this response only, still no script.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'";
            return Results.Content(part.Text, part.IsHtml ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", Encoding.UTF8);
        });
    }
}
