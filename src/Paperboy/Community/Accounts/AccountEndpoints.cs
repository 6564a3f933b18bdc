using Microsoft.AspNetCore.Mvc;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>The account page and its API tokens.</summary>
public static class AccountEndpoints
{
    public static void MapAccount(this WebApplication app)
    {
        var forms = AntiforgeryCheck.FormPosts(app);
        app.MapGet("/account", async (HttpContext ctx, CancellationToken ct) => await AccountPageAsync(ctx, null, null, 200, ct));
        forms.MapPost("/account/tokens", async (HttpContext ctx, [FromForm] string? name, ApiTokenStore tokens, CancellationToken ct) =>
        {
            if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
            name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim();
            if (name.Length > 100) return await AccountPageAsync(ctx, null, "A token name is at most 100 characters.", 400, ct);
            var (_, text) = await tokens.CreateAsync(viewer.Id, name, ct);
            return await AccountPageAsync(ctx, text, null, 200, ct);
        });
        forms.MapPost("/account/tokens/{tokenId:long}/revoke", async (HttpContext ctx, long tokenId, ApiTokenStore tokens, CancellationToken ct) =>
        {
            if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
            return await tokens.RevokeAsync(viewer.Id, tokenId, ct)
                ? Results.Redirect("/account")
                : Pages.Message(404, "No such token", "That token is not yours or was already revoked.", "/account", "Back to your account");
        });
    }

    /// <summary>The account page, with the sections other features add (<see cref="IAccountSection"/>).</summary>
    public static async Task<IResult> AccountPageAsync(HttpContext ctx, string? newToken, string? error, int status, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
        var services = ctx.RequestServices;
        var user = await services.GetRequiredService<UserStore>().FindAsync(viewer.Id, ct);
        if (user is null) return Pages.SignInFirst(ctx);
        var tokens = await services.GetRequiredService<ApiTokenStore>().ListAsync(viewer.Id, ct);
        var sections = new List<AccountSection>();
        foreach (var section in services.GetServices<IAccountSection>()) sections.Add(await section.RenderAsync(ctx, user, ct));
        return Pages.Render<AccountPage>(new { User = user, Tokens = tokens, NewToken = newToken, Error = error, Sections = sections }, status);
    }
}
