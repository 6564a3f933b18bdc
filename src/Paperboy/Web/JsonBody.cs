using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Paperboy.Web;

/// <summary>Reads a JSON request body; malformed JSON is a 400 problem naming the body, not a bare 400.</summary>
public static class JsonBody
{
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, string example, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ApiProblems.BadInput("body", $"Send a JSON body (Content-Type: application/json) like {example}."));
        try
        {
            var body = await request.ReadFromJsonAsync<T>(ct);
            return body is null ? (null, ApiProblems.BadInput("body", $"Send a JSON body like {example}.")) : (body, null);
        }
        catch (JsonException)
        {
            return (null, ApiProblems.BadInput("body", $"The body is not valid JSON; send something like {example}."));
        }
    }
}
