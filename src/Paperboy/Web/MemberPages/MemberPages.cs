using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Paperboy.Storage;

namespace Paperboy.Web;

/// <summary>
/// Serves signed-in members a page from one rendering shared by all of them, as the output cache serves the signed-out:
/// a list page differs between members only in their handle, their form token and which papers they voted for, so it is
/// rendered once per data version for a stand-in member (<see cref="MemberPageMarks"/> marks the differences) and each
/// request joins the pieces with the member's own (<see cref="MemberPage"/>). Curators and admins (their pages carry
/// tools), members without a handle yet, and a member who has just voted (the shared counts lag by up to
/// <c>CountsDelay</c>) get their page rendered for them as before.
/// </summary>
public sealed class MemberPages(IMemoryCache cache, DataVersion version, IServiceScopeFactory scopes, IHttpContextAccessor accessor, IAntiforgery antiforgery,
    ILogger<MemberPages> log)
{
    /// <summary>Endpoint metadata: this page may be served to members from the shared rendering, kept at most <see cref="Lifetime"/>.</summary>
    public sealed record Shared(TimeSpan Lifetime);

    /// <summary>The handle of the stand-in member, replaced by each member's own (letters only, so no encoding changes it).</summary>
    readonly string _standIn = "pbmember" + Guid.NewGuid().ToString("N");

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<Shared>() is not { } shared
            || Viewer.From(context) is not { Role: UserRole.Member, Handle: { } handle } viewer)
        {
            await next();
            return;
        }
        var state = await context.RequestServices.GetRequiredService<IMemberState>().GetAsync(viewer.Id, context.RequestAborted);
        if (state.RenderAfresh || await PageAsync(context, endpoint, shared) is not { } page)
        {
            await next();
            return;
        }
        var token = antiforgery.GetAndStoreTokens(context).RequestToken;
        await page.WriteAsync(context.Response, token, handle, state, context.RequestAborted);
    }

    /// <summary>The shared rendering of this address at the current data version; null when it is not a page (a 404, a redirect).</summary>
    Task<MemberPage?> PageAsync(HttpContext context, Endpoint endpoint, Shared shared)
    {
        var key = $"paperboy:member-page:{version.Current}:{context.Request.Path}{context.Request.QueryString}";
        var rendering = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = shared.Lifetime;
            entry.SlidingExpiration = TimeSpan.FromSeconds(10); // a page of an old data version goes soon after its last reader
            var request = context.Request;
            // Rendered once for everyone asking meanwhile, to the end even if the first to ask leaves; and outside the
            // request's execution context, so the stand-in never becomes the request's HttpContext.
            return new Lazy<Task<MemberPage?>>(() =>
            {
                using (ExecutionContext.SuppressFlow()) return Task.Run(() => RenderAsync(request, endpoint));
            });
        })!;
        return rendering.Value;
    }

    async Task<MemberPage?> RenderAsync(HttpRequest request, Endpoint endpoint)
    {
        try
        {
            return await RenderStandInAsync(request, endpoint);
        }
        catch (Exception e)
        {
            // Each member's request then renders their page as before, and meets the same failure there.
            log.LogWarning(e, "The page {Path} could not be rendered for members to share", request.Path);
            return null;
        }
    }

    async Task<MemberPage?> RenderStandInAsync(HttpRequest request, Endpoint endpoint)
    {
        await using var scope = scopes.CreateAsyncScope();
        var standIn = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        standIn.Request.Method = HttpMethods.Get;
        standIn.Request.Scheme = request.Scheme;
        standIn.Request.Host = request.Host;
        standIn.Request.PathBase = request.PathBase;
        standIn.Request.Path = request.Path;
        standIn.Request.QueryString = request.QueryString;
        standIn.Request.RouteValues = new(request.RouteValues);
        standIn.SetEndpoint(endpoint);
        standIn.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, "0"), new(ClaimTypes.Role, nameof(UserRole.Member)), new(ClaimTypes.Name, _standIn)],
            "member-page", ClaimTypes.Name, ClaimTypes.Role));
        standIn.Items[MemberPageMarks.Flag] = true;
        var body = new MemoryStream();
        standIn.Response.Body = body;
        accessor.HttpContext = standIn;
        await endpoint.RequestDelegate!(standIn);
        if (standIn.Response.StatusCode != StatusCodes.Status200OK || standIn.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true)
            return null;
        var token = antiforgery.GetAndStoreTokens(standIn).RequestToken;
        return MemberPage.Cut(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length), standIn.Response.ContentType, token, _standIn);
    }
}

public static class MemberPagesSetup
{
    /// <summary>Lets members get this page from the rendering shared by all of them (<see cref="MemberPages"/>).</summary>
    public static TBuilder ShareWithMembers<TBuilder>(this TBuilder builder, TimeSpan lifetime) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MemberPages.Shared(lifetime));
}
