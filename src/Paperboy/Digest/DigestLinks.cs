namespace Paperboy.Digest;

/// <summary>The absolute links in one subscriber's message.</summary>
public sealed record DigestLinks(string BaseUrl, string Token)
{
    public string Manage => $"{BaseUrl}/subscriptions/manage/{Token}";
    public string Unsubscribe => $"{BaseUrl}/unsubscribe/{Token}";
    public string Paper(string id) => $"{BaseUrl}/papers/{id}";
    public static string Arxiv(string id) => $"https://arxiv.org/abs/{id}";
}
