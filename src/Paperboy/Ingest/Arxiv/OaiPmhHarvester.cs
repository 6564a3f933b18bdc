using System.Net;
using Microsoft.Extensions.Options;
using Paperboy.Ingest.Writing;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// Harvests arXiv's OAI-PMH <c>ListRecords</c> (<c>import oai</c>): follows resumption tokens, saving each as the run's
/// cursor with the page it came with, so a killed harvest resumes at the next page; waits out 503 + Retry-After.
/// Requests go through the <see cref="ArxivGate"/> like the query API's.
/// </summary>
public sealed class OaiPmhHarvester(ImportRunner runner, HttpClient http, ArxivGate gate, IOptions<ArxivOptions> options)
{
    public const string Source = "oai";

    public Task<ImportSummary> HarvestAsync(OaiHarvest harvest, IProgress<ImportCounts>? progress, CancellationToken ct)
    {
        if (!OaiHarvest.Formats.Contains(harvest.Format))
            throw new ArgumentException($"--format {harvest.Format} is not one of {string.Join(", ", OaiHarvest.Formats)}.");
        return runner.RunAsync(Source, harvest.Scope, harvest.Scope, progress, async (session, token) =>
        {
            var resumption = session.ResumeCursor;
            while (true)
            {
                var page = OaiPmhParser.Parse(await GetAsync(resumption is null ? FirstUrl(harvest) : NextUrl(resumption), token));
                if (page.ErrorCode == "badResumptionToken" && resumption is not null && resumption == session.ResumeCursor)
                {
                    resumption = null; // the saved token expired: start this harvest over (the upsert makes that safe)
                    continue;
                }
                if (page.ErrorCode == "noRecordsMatch")
                {
                    session.Reject(new ImportProblem(harvest.Scope, "no records match (empty result)"), 0);
                    return;
                }
                if (page.ErrorCode is { } code) throw new ImportSourceException($"OAI-PMH error {code}: {page.ErrorMessage}");
                foreach (var problem in page.Rejected) session.Reject(problem);
                // The token is written with the page it came with; at the end the cursor stays on the last token.
                await session.WriteAsync(ImportBatch.Of(page.Records, page.ResumptionToken), token);
                if (page.ResumptionToken is null) return;
                resumption = page.ResumptionToken;
            }
        }, ct);
    }

    string FirstUrl(OaiHarvest h) =>
        $"{options.Value.OaiBaseUrl}?verb=ListRecords&metadataPrefix={Uri.EscapeDataString(h.Format)}&set={Uri.EscapeDataString(h.Set)}" +
        $"&from={h.From:yyyy-MM-dd}" + (h.Until is { } u ? $"&until={u:yyyy-MM-dd}" : "");

    string NextUrl(string token) => $"{options.Value.OaiBaseUrl}?verb=ListRecords&resumptionToken={Uri.EscapeDataString(token)}";

    async Task<string> GetAsync(string url, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, retryAfter, body) = await gate.SendAsync(async token =>
            {
                try
                {
                    using var response = await http.GetAsync(url, token);
                    return (response.StatusCode, RetryAfter(response), await response.Content.ReadAsStringAsync(token));
                }
                catch (HttpRequestException e)
                {
                    throw new ImportSourceException($"cannot reach {new Uri(url).GetLeftPart(UriPartial.Authority)}: {e.InnerException?.Message ?? e.Message}", e);
                }
                catch (TaskCanceledException e) when (!token.IsCancellationRequested)
                {
                    throw new ImportSourceException($"{new Uri(url).GetLeftPart(UriPartial.Authority)} did not answer within {http.Timeout.TotalSeconds:0} s", e);
                }
            }, ct);
            if (status == HttpStatusCode.OK) return body;
            if (status != HttpStatusCode.ServiceUnavailable || attempt >= options.Value.MaxRetries)
                throw new ImportSourceException($"OAI-PMH answered HTTP {(int)status} for {url}" + (attempt > 0 ? $" after {attempt} retries" : ""));
            var wait = retryAfter ?? options.Value.RequestInterval;
            if (wait > options.Value.MaxRetryAfter)
                throw new ImportSourceException($"OAI-PMH asked to retry after {wait.TotalSeconds:0} s (more than {options.Value.MaxRetryAfter.TotalSeconds:0} s); run again later to resume");
            gate.Defer(wait);
        }
    }

    static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };
}
