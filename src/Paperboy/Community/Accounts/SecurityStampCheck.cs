using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// Checks every cookie against the person's current security stamp (cached for a few seconds per instance, and
/// forgotten on every instance when it changes), so "sign out everywhere" ends every session at once; a changed role
/// or handle refreshes the cookie.
/// </summary>
public static class SecurityStampCheck
{
    sealed record Current(string Stamp, UserRole Role, string? Handle);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var viewer = Viewer.From(context.Principal);
        var stamp = context.Principal?.FindFirstValue(Viewer.StampClaim);
        var current = viewer is null ? null : await LoadAsync(context.HttpContext, viewer.Id);
        if (current is null || current.Stamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (current.Role != viewer!.Role || current.Handle != viewer.Handle)
        {
            var user = new User { Id = viewer.Id, Email = "", Handle = current.Handle, Role = current.Role, SecurityStamp = current.Stamp };
            context.ReplacePrincipal(Viewer.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }

    static async Task<Current?> LoadAsync(HttpContext http, long userId)
    {
        var services = http.RequestServices;
        var cache = services.GetRequiredService<IMemoryCache>();
        var key = Key(userId);
        if (cache.TryGetValue(key, out Current? cached)) return cached;
        var db = services.GetRequiredService<PaperboyDb>();
        var current = await db.Set<User>().Where(u => u.Id == userId)
            .Select(u => new Current(u.SecurityStamp, u.Role, u.Handle)).FirstOrDefaultAsync(http.RequestAborted);
        var seconds = services.GetRequiredService<IOptions<CommunityOptions>>().Value.SecurityStampCacheSeconds;
        if (current is not null && seconds > 0) cache.Set(key, current, TimeSpan.FromSeconds(seconds));
        return current;
    }

    /// <summary>Forgets the cached stamp on every instance (after "sign out everywhere").</summary>
    public static void Forget(ClusterSignals signals, long userId) => signals.ForgetEverywhere(Key(userId));

    static string Key(long userId) => $"paperboy:stamp:{userId}";
}
