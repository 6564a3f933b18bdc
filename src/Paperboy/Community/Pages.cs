using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Components;

namespace Paperboy.Community;

/// <summary>Shorthands for rendering a page component with its parameters and status.</summary>
public static class Pages
{
    public static RazorComponentResult<T> Render<T>(object? parameters = null, int status = 200) where T : IComponent =>
        new(parameters ?? new { }) { StatusCode = status };

    public static RazorComponentResult<MessagePage> Message(int status, string title, string message, string? linkHref = null, string? linkText = null) =>
        Render<MessagePage>(new { Title = title, Message = message, LinkHref = linkHref, LinkText = linkText }, status);

    public static IResult SignInFirst(HttpContext context) =>
        Results.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
}
