using Paperboy.Community;
using Paperboy.Storage;
using Paperboy.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Paperboy.Digest;

/// <summary>Asking for digests (page and API) and following the confirmation link. Every answer reads the same for a known address.</summary>
public static class SubscribeEndpoints
{
    const string Pending = "If this address can receive mail, a message with a confirmation link is on its way. The link works for 48 hours.";

    public static void Map(WebApplication app)
    {
        app.MapGet("/subscribe", (string? email, string? frequency) =>
            new RazorComponentResult<SubscribePage>(new { Email = email, Frequency = frequency }));

        app.MapPost("/subscribe", async Task<IResult> ([FromForm] string? email, [FromForm] string? frequency, SubscriptionService subscriptions, CancellationToken ct) =>
        {
            var (address, freq, error) = Validate(email, frequency);
            if (error is not null)
                return new RazorComponentResult<SubscribePage>(new { Email = email, Frequency = frequency, Error = error.Value.Message }) { StatusCode = 400 };
            await subscriptions.RequestAsync(address!, freq, ct);
            return Pages.Message(200, "Check your inbox", Pending);
        }).RequireRateLimiting(CommunityRateLimits.SubscribeClient);

        // The body is read by JsonBody, like every API write, so malformed JSON is a problem naming the body.
        app.MapPost("/api/subscriptions", async Task<Results<Accepted<SubscriptionAccepted>, ProblemHttpResult>> (
            HttpRequest request, SubscriptionService subscriptions, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<SubscriptionRequest>(request, """{"email": "ada@example.org", "frequency": "daily"}""", ct);
            if (problem is not null) return problem;
            var (address, freq, error) = Validate(body!.Email, body.Frequency);
            if (error is { } e) return ApiProblems.BadInput(e.Parameter, e.Message);
            await subscriptions.RequestAsync(address!, freq, ct);
            return TypedResults.Accepted((string?)null, new SubscriptionAccepted("pending", Pending));
        }).WithName("Subscribe").WithSummary("Ask for digests by email (double opt-in)")
            .Accepts<SubscriptionRequest>("application/json").RequireRateLimiting(CommunityRateLimits.SubscribeClient);

        app.MapGet("/subscribe/confirm/{token}", async Task<IResult> (string token, SubscriptionService subscriptions, CancellationToken ct) =>
        {
            var (outcome, sub) = await subscriptions.InspectAsync(token, ct);
            return outcome == ConfirmOutcome.Confirmable
                ? new RazorComponentResult<ConfirmPage>(new { Token = token, sub!.Email, Weekly = sub.Frequency == DigestFrequency.Weekly })
                : Outcome(outcome, sub, null);
        });

        app.MapPost("/subscribe/confirm/{token}", async Task<IResult> (string token, [FromForm] string? confirm, SubscriptionService subscriptions,
            MessageRenderer renderer, CancellationToken ct) =>
        {
            var (outcome, sub) = await subscriptions.ConfirmAsync(token, ct);
            var manage = outcome == ConfirmOutcome.Confirmed ? "/subscriptions/manage/" + await renderer.ManageTokenAsync(sub!.Id, ct) : null;
            return Outcome(outcome, sub, manage);
        });
    }

    static (string? Email, DigestFrequency Frequency, (string Parameter, string Message)? Error) Validate(string? email, string? frequency)
    {
        var address = EmailAddress.Normalize(email, out var emailError);
        if (emailError is not null) return (null, default, ("email", emailError));
        if (string.IsNullOrWhiteSpace(frequency)) return (address, DigestFrequency.Daily, null);
        return frequency.Trim().ToLowerInvariant() switch
        {
            "daily" => (address, DigestFrequency.Daily, null),
            "weekly" => (address, DigestFrequency.Weekly, null),
            _ => (null, default, ("frequency", $"frequency must be 'daily' or 'weekly', not '{(frequency.Length > 40 ? frequency[..40] : frequency)}'.")),
        };
    }

    static RazorComponentResult<MessagePage> Outcome(ConfirmOutcome outcome, Subscription? sub, string? manage) => outcome switch
    {
        ConfirmOutcome.Confirmed => Pages.Message(200, "You're subscribed", $"Trending papers will come to {sub!.Email}. Add watch-lists to get new papers on your topics too.", manage, "Add watch-lists"),
        ConfirmOutcome.AlreadyConfirmed => Pages.Message(200, "Already confirmed", "This subscription is already confirmed; nothing changed.", "/papers", "Read today's papers"),
        ConfirmOutcome.Expired => Pages.Message(410, "This link has expired", "Confirmation links work for 48 hours. Ask again and we'll send a new one.", "/subscribe?email=" + Uri.EscapeDataString(sub?.Email ?? ""), "Subscribe again"),
        ConfirmOutcome.Used => Pages.Message(410, "This link was already used", "The subscription it confirmed has since been cancelled. Ask again to subscribe.", "/subscribe", "Subscribe again"),
        _ => Pages.Message(400, "This link is not valid", "It may have been cut short or changed. Copy the whole link from the message, or ask again.", "/subscribe", "Subscribe"),
    };

}
