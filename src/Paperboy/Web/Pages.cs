using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Paperboy.Web;

/// <summary>Results for HTML pages: a component inside the layout, or the one message page (a refusal, a confirmation, an error).</summary>
public static class Pages
{
    public static RazorComponentResult<T> Render<T>(object? parameters = null, int status = 200) where T : IComponent =>
        new(parameters ?? new { }) { StatusCode = status };

    /// <summary>A page that says one thing, with an optional link to go on from there.</summary>
    public static RazorComponentResult<MessagePage> Message(int status, string title, string message, string? linkHref = null, string? linkText = null) =>
        Render<MessagePage>(new { Title = title, Message = message, LinkHref = linkHref, LinkText = linkText }, status);

    public static RazorComponentResult<MessagePage> BadRequest(string message) =>
        Message(StatusCodes.Status400BadRequest, "That address is not valid", message, "/papers", "Back to today's papers");

    public static RazorComponentResult<MessagePage> NotFound(string message) =>
        Message(StatusCodes.Status404NotFound, "Not found", message, "/papers", "Back to today's papers");

    public static IResult SignInFirst(HttpContext context) =>
        Results.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
}
