using System.Globalization;
using Microsoft.Extensions.Options;

namespace Paperboy.Ingest.HfDaily;

/// <summary><c>GET {BaseUrl}/api/daily_papers?date=YYYY-MM-DD</c>: the raw JSON of one day's list.</summary>
public sealed class HfDailyClient(HttpClient http, IOptions<HfDailyOptions> options)
{
    public async Task<byte[]> GetDayAsync(DateOnly day, CancellationToken ct)
    {
        var url = new Uri(new Uri(options.Value.BaseUrl.TrimEnd('/') + "/"), $"api/daily_papers?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        HttpResponseMessage response;
        try { response = await http.GetAsync(url, ct); }
        catch (HttpRequestException e)
        {
            throw new ImportSourceException($"cannot reach {url.GetLeftPart(UriPartial.Authority)}: {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ImportSourceException($"{url.GetLeftPart(UriPartial.Authority)} did not answer within {http.Timeout.TotalSeconds:0} s", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new ImportSourceException($"{url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            return await response.Content.ReadAsByteArrayAsync(ct);
        }
    }
}
