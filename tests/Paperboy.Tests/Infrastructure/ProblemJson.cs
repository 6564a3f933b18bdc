using System.Text.Encodings.Web;
using System.Text.Json;

namespace Paperboy.Tests.Infrastructure;

/// <summary>Problem-details bodies compared whole, minus the one field that differs per request.</summary>
public static class ProblemJson
{
    static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body as compact JSON without the per-request <c>traceId</c>.</summary>
    public static string WithoutTraceId(JsonElement body) =>
        JsonSerializer.Serialize(body.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value), Relaxed);

    public static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response) =>
        WithoutTraceId(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);

    /// <summary>A JSON string literal, escaped the way <see cref="WithoutTraceId"/> writes.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Relaxed);
}
