using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Paperboy.Web;

/// <summary>
/// The body of an answer that has a status and nothing else: no route for the address, a method the route does not take, a
/// form or body ASP.NET could not read before a handler ran (a missing antiforgery token, a 5 MB field, JSON sent to a form).
/// Under <c>/api</c> it is the one problem shape; elsewhere the one message page, so a person never gets a bare status or
/// a JSON problem where a page belongs (ASP.NET's default writes JSON to any browser, which accepts <c>*/*</c>). An
/// unhandled exception is answered the same way (<see cref="WriteErrorAsync"/>).
/// </summary>
public static class StatusPages
{
    public static Task WriteAsync(StatusCodeContext context) => WriteAsync(context.HttpContext);

    /// <summary>
    /// For the exception handler, which has logged the exception (once, with the request) and cleared the response: a 500
    /// in the same two shapes, saying nothing of the exception.
    /// </summary>
    public static Task WriteErrorAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return WriteAsync(http);
    }

    static Task WriteAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var (title, detail) = Explain(http, status);
        return http.Request.Path.StartsWithSegments("/api")
            ? ApiProblems.WriteAsync(http, status, title, detail)
            : Pages.Message(status, title, detail, "/papers", "Back to today's papers").ExecuteAsync(http);
    }

    static (string Title, string Detail) Explain(HttpContext http, int status) => status switch
    {
        _ when http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } => (AntiforgeryCheck.ExpiredTitle, AntiforgeryCheck.ExpiredMessage),
        StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address."),
        StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"This address does not take {http.Request.Method}."),
        StatusCodes.Status413PayloadTooLarge => ("Too large", "The request is larger than this address takes."),
        StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type",
            http.Request.Path.StartsWithSegments("/api") ? "Send a JSON body (Content-Type: application/json)." : "Send the form from its page."),
        StatusCodes.Status400BadRequest => ("Bad request", "The request could not be read: a value in it is malformed or too long."),
        StatusCodes.Status500InternalServerError => ("Something went wrong", "That is our fault, not yours, and it has been logged. Try again in a moment."),
        _ => (ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error", "The request could not be answered."),
    };
}
