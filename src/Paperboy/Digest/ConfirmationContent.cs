using System.Text.Json;
using Paperboy.Storage;

namespace Paperboy.Digest;

/// <summary>A confirmation message: the signed link to follow, and when it stops working.</summary>
public sealed record ConfirmationContent(string ConfirmUrl, DateTime ExpiresAt, DigestFrequency Frequency)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static ConfirmationContent FromJson(string json) => JsonSerializer.Deserialize<ConfirmationContent>(json, Json)!;
}
