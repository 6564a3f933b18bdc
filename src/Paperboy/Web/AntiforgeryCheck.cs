using Microsoft.AspNetCore.Antiforgery;

namespace Paperboy.Web;

/// <summary>
/// Validates the antiforgery token of a form POST that binds no form fields (ASP.NET validates automatically only
/// when an endpoint reads the form). A missing or wrong token is a 400 page.
/// </summary>
public static class AntiforgeryCheck
{
    public const string ExpiredTitle = "Form expired";
    public const string ExpiredMessage = "This form was missing its security token or it expired. Go back, reload the page and try again.";

    /// <summary>A group for HTML form POSTs: each checks its token with <see cref="Filter"/>, answering a readable 400 page.</summary>
    public static RouteGroupBuilder FormPosts(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        group.DisableAntiforgery();
        group.AddEndpointFilter(Filter);
        return group;
    }

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(http))
            return Pages.Message(400, ExpiredTitle, ExpiredMessage);
        return await next(context);
    }
}
