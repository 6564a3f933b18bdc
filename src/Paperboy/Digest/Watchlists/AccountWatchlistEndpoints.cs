using Microsoft.AspNetCore.Mvc;
using Paperboy.Community;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Digest.Watchlists;

/// <summary>
/// Watch-lists from the account page and the API when signed in: those of the subscription with the account's
/// (verified) email, under the same rules as the manage page.
/// </summary>
public static class AccountWatchlistEndpoints
{
    public static void Map(WebApplication app)
    {
        var forms = AntiforgeryCheck.FormPosts(app);
        forms.MapPost("/account/watchlists", async (HttpContext ctx, [FromForm] string? query, SubscriptionService subscriptions, CancellationToken ct) =>
        {
            if (await SubscriptionAsync(ctx, subscriptions, ct) is not { } sub) return NotSubscribed(ctx);
            var (_, error) = await subscriptions.AddWatchlistAsync(sub.Id, query, ct);
            if (error is null) return Results.Redirect("/account#watchlists");
            ctx.Items[typeof(WatchlistAccountSection.Draft)] = new WatchlistAccountSection.Draft(query, error);
            return await AccountEndpoints.AccountPageAsync(ctx, null, null, 400, ct);
        });
        forms.MapPost("/account/watchlists/{id:long}/delete", async (HttpContext ctx, long id, SubscriptionService subscriptions, CancellationToken ct) =>
        {
            if (await SubscriptionAsync(ctx, subscriptions, ct, activeOnly: false) is not { } sub) return NotSubscribed(ctx);
            return await subscriptions.RemoveWatchlistAsync(sub.Id, id, ct)
                ? Results.Redirect("/account#watchlists")
                : Pages.Message(404, "No such watch-list", "That watch-list is not yours or was already removed.", "/account", "Back to your account");
        });

        var api = app.MapGroup("/api/account/watchlists").WithTags("Digest").RequireAuthorization(CommunityApi.Member);
        api.MapGet("", async Task<IResult> (HttpContext ctx, SubscriptionService subscriptions, CancellationToken ct) =>
            await SubscriptionAsync(ctx, subscriptions, ct, activeOnly: false) is { } sub
                ? Results.Ok(sub.Watchlists.Select(w => new WatchlistResponse(w.Id, w.Query)))
                : Results.Ok(Array.Empty<WatchlistResponse>()));
        api.MapPost("", async Task<IResult> (HttpContext ctx, SubscriptionService subscriptions, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<WatchlistRequest>(ctx.Request, """{"query": "activation steering"}""", ct);
            if (problem is not null) return problem;
            // What was sent is checked before whose it is: a query that cannot be parsed is a 400 naming it, subscribed or not.
            if (WatchlistQuery.Parse(body!.Query).Error is { } queryError) return ApiProblems.BadInput("query", queryError);
            if (await SubscriptionAsync(ctx, subscriptions, ct) is not { } sub)
                return ApiProblems.Problem(409, "Not subscribed", "This account's email gets no digest; subscribe it first (POST /api/subscriptions) and follow the confirmation link.");
            var (id, error) = await subscriptions.AddWatchlistAsync(sub.Id, body!.Query, ct);
            return error is not null ? ApiProblems.BadInput("query", error)
                : TypedResults.Created($"/api/account/watchlists/{id}", new WatchlistResponse(id!.Value, WatchlistQuery.Normalize(body.Query!)));
        });
        api.MapDelete("/{id:long}", async Task<IResult> (HttpContext ctx, long id, SubscriptionService subscriptions, CancellationToken ct) =>
            await SubscriptionAsync(ctx, subscriptions, ct, activeOnly: false) is { } sub && await subscriptions.RemoveWatchlistAsync(sub.Id, id, ct)
                ? Results.NoContent()
                : ApiProblems.Problem(404, "Not found", $"No watch-list {id} on this account.", "id"));
    }

    /// <summary>The signed-in account's subscription (found by its email); null when signed out or not subscribed.</summary>
    static async Task<Subscription?> SubscriptionAsync(HttpContext ctx, SubscriptionService subscriptions, CancellationToken ct, bool activeOnly = true)
    {
        if (Viewer.From(ctx) is not { } viewer) return null;
        var user = await ctx.RequestServices.GetRequiredService<UserStore>().FindAsync(viewer.Id, ct);
        if (user is null) return null;
        var sub = await subscriptions.FindByEmailAsync(user.Email, ct);
        return sub is { IsActive: true } || !activeOnly && sub is not null ? sub : null;
    }

    static IResult NotSubscribed(HttpContext ctx) => Viewer.From(ctx) is null
        ? Pages.SignInFirst(ctx)
        : Pages.Message(409, "Subscribe first", "Your email gets no digest yet: subscribe, follow the confirmation link, then add watch-lists.", "/subscribe", "Subscribe");
}
