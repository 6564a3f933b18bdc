using Microsoft.AspNetCore.Http.HttpResults;

namespace Paperboy.Web;

/// <summary>
/// The one shape of every API problem (RFC 9457): <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, and, when
/// parameters are at fault, <c>errors</c> naming each with its messages.
/// </summary>
public static class ApiProblems
{
    public const string InvalidTitle = "One or more validation errors occurred.";

    public static ProblemHttpResult Problem(int status, string title, string detail, string? parameter = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeOf(status),
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [parameter] = [detail] } });

    /// <summary>ASP.NET names the RFC 9110 section of most statuses; 429 is defined in RFC 6585.</summary>
    static string? TypeOf(int status) => status == StatusCodes.Status429TooManyRequests ? "https://tools.ietf.org/html/rfc6585#section-4" : null;

    /// <summary>400 for bad input, each parameter with its messages; the detail says them all.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(detail: string.Join(" ", errors.Values.SelectMany(m => m).Distinct()), statusCode: StatusCodes.Status400BadRequest,
            title: InvalidTitle, extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult BadInput(string parameter, string detail) => Problem(StatusCodes.Status400BadRequest, InvalidTitle, detail, parameter);

    /// <summary>404 for a paper: <paramref name="detail"/> says why (default: there is none with that id here).</summary>
    public static ProblemHttpResult PaperNotFound(string id, string? detail = null) =>
        Problem(StatusCodes.Status404NotFound, "Paper not found", detail ?? $"There is no paper {id} here.", "id");

    public static ProblemHttpResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, "Not found", what);

    /// <summary>For middleware and authentication handlers, which answer without an endpoint result.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await Problem(status, title, detail).ExecuteAsync(context);
    }
}
