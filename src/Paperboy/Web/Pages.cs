using Microsoft.AspNetCore.Http.HttpResults;

namespace Paperboy.Web;

/// <summary>Results for HTML pages: a component inside the layout, or a readable error page with its status.</summary>
public static class Pages
{
    public static RazorComponentResult Error(int status, string heading, string message) =>
        new RazorComponentResult<ErrorPage>(new { Heading = heading, Message = message }) { StatusCode = status };

    public static RazorComponentResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "That address is not valid", message);

    public static RazorComponentResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "Not found", message);
}
