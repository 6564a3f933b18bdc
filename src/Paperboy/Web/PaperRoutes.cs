using Paperboy.Domain;

namespace Paperboy.Web;

/// <summary>
/// Paper ids come in two shapes: new style (<c>2409.01234</c>, one path segment) and old style
/// (<c>hep-th/9901001</c>, two). Each per-paper route is mapped for both; <see cref="IdOf"/> puts the id back together, and
/// <see cref="TryParse"/> gives the one answer to an id that is not one. A paper's page and <c>/api/papers/{id}</c> take the
/// rest of the path (<c>{**id}</c>) instead, so that their literal neighbours (<c>/papers/date/...</c>) keep precedence.
/// </summary>
public static class PaperRoutes
{
    const string OldStyle = "{archive:regex(^[a-z][a-z-]*(\\.[A-Z]{{2}})?$)}/{number:regex(^\\d{{7}}$)}";

    /// <summary>Maps <paramref name="pattern"/> (which contains <c>{id}</c>) for both shapes of id.</summary>
    public static void Map(IEndpointRouteBuilder app, string method, string pattern, Delegate handler, Action<IEndpointConventionBuilder>? configure = null)
    {
        foreach (var p in new[] { pattern, pattern.Replace("{id}", OldStyle) })
        {
            var endpoint = app.MapMethods(p, [method], handler).AddEndpointFilter(RejectNonIds);
            configure?.Invoke(endpoint);
        }
    }

    /// <summary>Every per-paper route answers an address that names no arXiv id the same way, before its handler runs.</summary>
    static async ValueTask<object?> RejectNonIds(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var raw = RawIdOf(http);
        if (TryParse(raw, out _, out var problem)) return await next(context);
        return http.Request.Path.StartsWithSegments("/api") ? ApiProblems.PaperNotFound(raw, problem) : Pages.NotFound(problem);
    }

    /// <summary>
    /// The paper id of the request's route, without its version when it has one (<c>2409.01234v2</c> is <c>2409.01234</c>).
    /// Inside a handler mapped with <see cref="Map"/> it is always a valid id: the filter has answered the others.
    /// </summary>
    public static string IdOf(HttpContext context)
    {
        var raw = RawIdOf(context);
        return ArxivId.TryParse(raw, out var arxivId) ? arxivId.Id : raw;
    }

    static string RawIdOf(HttpContext context)
    {
        var values = context.Request.RouteValues;
        return values.TryGetValue("id", out var id) && id is string s
            ? Uri.UnescapeDataString(s)
            : $"{values["archive"]}/{values["number"]}";
    }

    /// <summary>
    /// The id in a paper's address (any version: <c>2409.01234v2</c> is <c>2409.01234</c>), or false with the one answer
    /// for an address that names no arXiv id: every per-paper route, page or API, answers it with 404 and this text.
    /// </summary>
    public static bool TryParse(string id, out ArxivId arxivId, out string problem)
    {
        var ok = ArxivId.TryParse(id, out arxivId);
        problem = ok ? "" : $"'{(id.Length > 60 ? id[..60] + "…" : id)}' is not an arXiv id; they look like 2409.01234 or hep-th/9901001.";
        return ok;
    }

    public static string Discussion(string paperId) => $"/papers/{paperId}/discussion";
}
