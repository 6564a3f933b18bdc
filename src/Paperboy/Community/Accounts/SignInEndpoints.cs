using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>Sign-in by emailed link, sign-out, and "sign out everywhere".</summary>
public static class SignInEndpoints
{
    public static void MapSignIn(this WebApplication app)
    {
        var forms = AntiforgeryCheck.FormPosts(app);
        app.MapGet("/signin", () => Pages.Render<SignInPage>());
        forms.MapPost("/signin", RequestLinkAsync).RequireRateLimiting(CommunityRateLimits.SignInClient);
        app.MapGet("/signin/link", async (string? token, SignInService signIn, CancellationToken ct) =>
        {
            var state = await signIn.CheckAsync(token, ct);
            return Pages.Render<SignInLinkPage>(new { State = state, Token = token }, StatusOf(state));
        });
        forms.MapPost("/signin/link", ConsumeLinkAsync);
        forms.MapPost("/signout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/papers");
        });
        forms.MapPost("/account/signout-everywhere", async (HttpContext ctx, UserStore users, ClusterSignals signals, CancellationToken ct) =>
        {
            if (Viewer.From(ctx) is { } viewer)
            {
                await users.RotateStampAsync(viewer.Id, ct);
                SecurityStampCheck.Forget(signals, viewer.Id);
            }
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        });
    }

    static async Task<IResult> RequestLinkAsync(HttpContext ctx, [FromForm] string? email, SignInService signIn, SignInThrottle throttle,
        IOptions<CommunityOptions> options, CancellationToken ct)
    {
        if (!UserStore.IsPlausibleEmail(email))
            return Pages.Render<SignInPage>(new { Email = email, Error = "Enter an email address like ada@example.org." }, 400);
        if (throttle.RetryAfterSeconds(UserStore.NormalizeEmail(email!)) is { } wait)
        {
            ctx.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Pages.Message(429, "Too many sign-in requests", $"Too many links were sent to this address; try again in {wait} seconds.");
        }
        var baseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : $"{ctx.Request.Scheme}://{ctx.Request.Host}";
        await signIn.RequestLinkAsync(email!, baseUrl, ct);
        return Pages.Render<SignInPage>(new { Sent = true });
    }

    static async Task<IResult> ConsumeLinkAsync(HttpContext ctx, [FromForm] string? token, [FromForm] string? handle, SignInService signIn, CancellationToken ct)
    {
        var outcome = await signIn.ConsumeAsync(token, handle?.Trim(), ct);
        if (outcome.User is null)
            return Pages.Render<SignInLinkPage>(new { outcome.State, Token = token, Handle = handle, Error = outcome.HandleProblem },
                outcome.HandleProblem is not null ? 400 : StatusOf(outcome.State));
        var principal = Viewer.Principal(outcome.User, CookieAuthenticationDefaults.AuthenticationScheme);
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = true });
        return Results.Redirect("/account");
    }

    static int StatusOf(SignInLinkState state) => state switch
    {
        SignInLinkState.Valid or SignInLinkState.ValidNewAccount => 200,
        SignInLinkState.Expired or SignInLinkState.Used => 410,
        _ => 400,
    };
}
