using Microsoft.AspNetCore.Http.HttpResults;

namespace Paperboy.Community;

/// <summary>RFC 9457 problem bodies for the community API, each naming the parameter at fault where there is one.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string title, string detail, string? parameter = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult BadInput(string parameter, string detail) => Problem(400, "Invalid parameter", detail, parameter);

    public static ProblemHttpResult PaperNotFound(string id) => Problem(404, "Not found", $"No paper '{id}' here.", "id");

    public static ProblemHttpResult NotFound(string what) => Problem(404, "Not found", what);

    public static async Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
