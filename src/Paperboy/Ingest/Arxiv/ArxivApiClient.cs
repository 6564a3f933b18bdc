using System.Net;
using Microsoft.Extensions.Options;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// The arXiv query API (<c>{ApiBaseUrl}?search_query=&amp;id_list=&amp;start=&amp;max_results=</c>), one page per call,
/// through the <see cref="ArxivGate"/>. An error feed (HTTP 400 with an <c>Error</c> entry) comes back as
/// <see cref="ArxivFeed.Error"/>; an unreachable host or another HTTP error throws <see cref="ImportSourceException"/>.
/// </summary>
public sealed class ArxivApiClient(HttpClient http, ArxivGate gate, IOptions<ArxivOptions> options)
{
    public async Task<ArxivFeed> QueryAsync(string? searchQuery, IReadOnlyCollection<string> ids, int start, int max, string? sortBy, CancellationToken ct)
    {
        var query = $"search_query={Uri.EscapeDataString(searchQuery ?? "")}&id_list={Uri.EscapeDataString(string.Join(',', ids))}" +
                    (sortBy is null ? "" : $"&sortBy={Uri.EscapeDataString(sortBy)}&sortOrder=descending") +
                    $"&start={start}&max_results={max}";
        var url = new Uri($"{options.Value.ApiBaseUrl}?{query}");
        var (status, body) = await gate.SendAsync(async token =>
        {
            try
            {
                using var response = await http.GetAsync(url, token);
                return (response.StatusCode, await response.Content.ReadAsStringAsync(token));
            }
            catch (HttpRequestException e)
            {
                throw new ImportSourceException($"cannot reach {url.GetLeftPart(UriPartial.Authority)}: {e.InnerException?.Message ?? e.Message}", e);
            }
            catch (TaskCanceledException e) when (!token.IsCancellationRequested)
            {
                throw new ImportSourceException($"{url.GetLeftPart(UriPartial.Authority)} did not answer within {http.Timeout.TotalSeconds:0} s", e);
            }
        }, ct);
        if (status is HttpStatusCode.OK or HttpStatusCode.BadRequest && body.TrimStart().StartsWith('<'))
        {
            var feed = ArxivAtomParser.Parse(body);
            if (feed.IsError || status == HttpStatusCode.OK) return feed;
        }
        throw new ImportSourceException($"arXiv answered HTTP {(int)status} for {url}");
    }
}
