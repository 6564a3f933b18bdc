namespace Paperboy.Community;

/// <summary>
/// Paper ids come in two shapes: new style (<c>2409.01234</c>, one path segment) and old style
/// (<c>hep-th/9901001</c>, two). Each per-paper route is mapped for both; <see cref="IdOf"/> puts the id back together.
/// </summary>
public static class PaperRoutes
{
    const string OldStyle = "{archive:regex(^[a-z][a-z-]*(\\.[A-Z]{{2}})?$)}/{number:regex(^\\d{{7}}$)}";

    /// <summary>Maps <paramref name="pattern"/> (which contains <c>{id}</c>) for both shapes of id.</summary>
    public static void Map(IEndpointRouteBuilder app, string method, string pattern, Delegate handler, Action<IEndpointConventionBuilder>? configure = null)
    {
        foreach (var p in new[] { pattern, pattern.Replace("{id}", OldStyle) })
        {
            var endpoint = app.MapMethods(p, [method], handler);
            configure?.Invoke(endpoint);
        }
    }

    public static string IdOf(HttpContext context)
    {
        var values = context.Request.RouteValues;
        return values.TryGetValue("id", out var id) && id is string s
            ? Uri.UnescapeDataString(s)
            : $"{values["archive"]}/{values["number"]}";
    }

    public static string Discussion(string paperId) => $"/papers/{paperId}/discussion";

    /// <summary>A return address from a form, if it stays on this site; else the fallback.</summary>
    public static string LocalOr(string? returnUrl, string fallback) =>
        returnUrl is { Length: > 0 } r && r[0] == '/' && !r.StartsWith("//") && !r.StartsWith("/\\") ? r : fallback;
}
