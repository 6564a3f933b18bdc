using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Paperboy.Tests.Infrastructure;

/// <summary>Fetches a page and parses it, so tests assert on what a reader sees rather than on markup strings.</summary>
public static class Html
{
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return (response, document);
    }

    public static string Text(this IElement? element) => element?.TextContent.Trim() is { } t ? System.Text.RegularExpressions.Regex.Replace(t, @"\s+", " ") : "";
}
