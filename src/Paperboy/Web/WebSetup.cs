using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Paperboy.Web;

public static class WebSetup
{
    /// <summary>
    /// Kestrel refuses a longer request line with a bare 414 before any middleware runs, so the app's own answer (a problem
    /// naming the parameter, the message page) never shows. Its default, 8 KB, is less than a search at the parser's 4,096
    /// characters (<c>SearchQueryParser.MaxLength</c>) percent-encoded: "é" is 6 bytes on the wire. 128 KB lets every value
    /// the app checks reach it; a connection still buffers at most Kestrel's <c>MaxRequestBufferSize</c> (1 MB), as before.
    /// </summary>
    public const int MaxRequestLine = 128 * 1024;

    public static IServiceCollection AddPaperboyWeb(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails();
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddOutputCache();
        services.AddSingleton<OutputCacheMetrics>();
        services.AddOptions<OutputCacheOptions>().Configure<OutputCacheMetrics>((o, metrics) => o.AddBasePolicy(metrics));
        services.AddSingleton<LatestImports>();
        services.AddSingleton<MemberPages>();
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = MaxRequestLine);
        return services;
    }

    public static WebApplication UsePaperboyWeb(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = StatusPages.WriteErrorAsync });
        app.UseStatusCodePages(StatusPages.WriteAsync);
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        // Who is asking comes before antiforgery (tokens are bound to the person) and rate limits (partitioned by person).
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache(); // after authentication: signed-in requests are never served from it
        app.Use(app.Services.GetRequiredService<MemberPages>().InvokeAsync); // members get the shared rendering with their own votes
        app.Use(RenderSharedPagesToTheEnd);
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapOpenApi();
        return app;
    }

    /// <summary>
    /// The output cache renders a missing page once for every reader who asks for it meanwhile (its lock), under the
    /// first reader's request: if that reader leaves, their cancelled request would fail the page for all the others
    /// (a 500 each, seen in the soak). So a page rendered for the cache is rendered to the end; it costs milliseconds.
    /// </summary>
    static Task RenderSharedPagesToTheEnd(HttpContext context, Func<Task> next)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheLookup: true, AllowLocking: true })
            context.RequestAborted = CancellationToken.None;
        return next();
    }

    /// <summary>No inline script anywhere, so the policy can forbid it outright.</summary>
    static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return next();
    }
}
