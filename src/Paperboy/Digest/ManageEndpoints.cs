using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Digest;

/// <summary>The manage page and the unsubscribe link, reached by the signed link in every message (no sign-in).</summary>
public static class ManageEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/subscriptions/manage/{token}", async Task<IResult> (string token, SubscriptionService subscriptions, CancellationToken ct) =>
            await subscriptions.FindByManageTokenAsync(token, ct) is { } sub ? Page(token, sub, null, null) : NotOurs());

        app.MapPost("/subscriptions/manage/{token}/watchlists", async Task<IResult> (string token, [FromForm] string? query, SubscriptionService subscriptions, CancellationToken ct) =>
        {
            if (await subscriptions.FindByManageTokenAsync(token, ct) is not { IsActive: true } sub) return NotOurs();
            var (_, error) = await subscriptions.AddWatchlistAsync(sub.Id, query, ct);
            return error is null ? Results.Redirect($"/subscriptions/manage/{token}", preserveMethod: false) : Page(token, sub, query, error);
        });

        app.MapPost("/subscriptions/manage/{token}/watchlists/{id:long}/delete", async Task<IResult> (string token, long id, [FromForm] string? confirm,
            SubscriptionService subscriptions, CancellationToken ct) =>
        {
            if (await subscriptions.FindByManageTokenAsync(token, ct) is not { } sub) return NotOurs();
            await subscriptions.RemoveWatchlistAsync(sub.Id, id, ct);
            return Results.Redirect($"/subscriptions/manage/{token}");
        });

        app.MapPost("/subscriptions/manage/{token}/frequency", async Task<IResult> (string token, [FromForm] string? frequency, SubscriptionService subscriptions, CancellationToken ct) =>
        {
            if (await subscriptions.FindByManageTokenAsync(token, ct) is not { IsActive: true } sub) return NotOurs();
            if (!Enum.TryParse<DigestFrequency>(frequency, ignoreCase: true, out var f) || !Enum.IsDefined(f))
                return Pages.Message(400, "Choose daily or weekly", $"'{frequency}' is not a frequency.", $"/subscriptions/manage/{token}", "Back");
            await subscriptions.SetFrequencyAsync(sub.Id, f, ct);
            return Results.Redirect($"/subscriptions/manage/{token}");
        });

        app.MapGet("/unsubscribe/{token}", async Task<IResult> (string token, SubscriptionService subscriptions, CancellationToken ct) =>
            await subscriptions.FindByManageTokenAsync(token, ct) is { } sub
                ? new RazorComponentResult<UnsubscribePage>(new { Token = token, sub.Email })
                : NotOurs());

        // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" here without any cookie or form token,
        // so antiforgery cannot apply; the signed URL itself is what authorizes the request.
        app.MapPost("/unsubscribe/{token}", async Task<IResult> (string token, SubscriptionService subscriptions, CancellationToken ct) =>
        {
            if (await subscriptions.FindByManageTokenAsync(token, ct) is not { } sub) return NotOurs();
            await subscriptions.UnsubscribeAsync(sub.Id, ct);
            return Pages.Message(200, "You're unsubscribed", $"No more digests will go to {sub.Email}.", "/subscribe?email=" + Uri.EscapeDataString(sub.Email), "Changed your mind? Subscribe again");
        }).DisableAntiforgery();
    }

    static IResult Page(string token, Subscription sub, string? query, string? error) =>
        new RazorComponentResult<ManagePage>(new { Token = token, Subscription = sub, Query = query, Error = error }) { StatusCode = error is null ? 200 : 400 };

    static IResult NotOurs() => Pages.Message(404, "This link is not valid", "It may have been cut short or changed. Use the link from your latest message.", "/subscribe", "Subscribe");
}
