using System.Globalization;
using System.Security.Claims;
using Paperboy.Storage;

namespace Paperboy.Web;

/// <summary>The signed-in person as the pages and endpoints see them (from the cookie or the bearer token).</summary>
public sealed record Viewer(long Id, string? Handle, UserRole Role)
{
    public const string StampClaim = "paperboy:stamp";

    public bool IsCurator => Role >= UserRole.Curator;

    public bool IsAdmin => Role == UserRole.Admin;

    /// <summary>How others see who acted: <c>@handle</c> (or the account number before a handle is chosen).</summary>
    public string Shown => Handle is { } handle ? $"@{handle}" : $"account {Id}";

    public static Viewer? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var userId)) return null;
        var role = Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var r) ? r : UserRole.Member;
        return new Viewer(userId, principal.FindFirstValue(ClaimTypes.Name), role);
    }

    public static Viewer? From(HttpContext? context) => From(context?.User);

    public static ClaimsPrincipal Principal(User user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(StampClaim, user.SecurityStamp),
        };
        if (user.Handle is not null) claims.Add(new Claim(ClaimTypes.Name, user.Handle));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
