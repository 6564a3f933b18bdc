using System.Globalization;
using Microsoft.Extensions.Options;
using Paperboy.Domain;
using Paperboy.Ingest.Writing;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// Imports from the arXiv query API: given ids (<c>import arxiv --ids</c>), or a search paged up to a maximum
/// (<c>import arxiv --query --max</c>, and the daily category schedule). The cursor of a search is the next start index.
/// </summary>
public sealed class ArxivApiImporter(ImportRunner runner, ArxivApiClient client, IOptions<ArxivOptions> options)
{
    public const string Source = "arxiv";
    const int IdsPerRequest = 100;

    public Task<ImportSummary> ImportIdsAsync(IReadOnlyList<string> ids, IProgress<ImportCounts>? progress, CancellationToken ct)
    {
        var label = string.Join(",", ids);
        return runner.RunAsync(Source, "ids " + label, label, progress, async (session, token) =>
        {
            var wanted = new List<ArxivId>();
            foreach (var raw in ids)
            {
                if (ArxivId.TryParse(raw, out var id)) wanted.Add(id);
                else session.Reject(new ImportProblem(raw, "not an arXiv id (expected e.g. 2409.01234, 2409.01234v2 or hep-th/9901001)"));
            }
            foreach (var chunk in wanted.Chunk(IdsPerRequest))
            {
                var feed = await client.QueryAsync(null, [.. chunk.Select(i => i.ToString())], 0, IdsPerRequest, null, token);
                if (feed.Error is { } error) throw new ImportSourceException($"arXiv rejected the request: {error}");
                foreach (var problem in feed.Rejected) session.Reject(problem);
                var found = feed.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var missing in chunk.Where(i => !found.Contains(i.Id)))
                    session.Reject(new ImportProblem(missing.ToString(), "arXiv has no such paper (empty result)"));
                await session.WriteAsync(ImportBatch.Of(feed.Entries), token);
            }
        }, ct);
    }

    /// <param name="sortBy">null for arXiv's relevance order, or <c>submittedDate</c>/<c>lastUpdatedDate</c> (newest first).</param>
    /// <param name="scopeSuffix">Tells runs of the same query apart (the schedule adds the day), so only a run of the same day resumes.</param>
    public Task<ImportSummary> ImportQueryAsync(string query, int max, string? sortBy, IProgress<ImportCounts>? progress, CancellationToken ct, string? scopeSuffix = null)
    {
        var scope = $"query {query} max {max}" + (sortBy is null ? "" : $" by {sortBy}") + scopeSuffix;
        return runner.RunAsync(Source, scope, $"'{query}'", progress, async (session, token) =>
        {
            var start = int.TryParse(session.ResumeCursor, NumberStyles.None, CultureInfo.InvariantCulture, out var resume) ? resume : 0;
            var total = int.MaxValue;
            while (start < Math.Min(max, total))
            {
                var size = Math.Min(options.Value.PageSize, max - start);
                var feed = await client.QueryAsync(query, [], start, size, sortBy, token);
                if (feed.Error is { } error) throw new ImportSourceException($"arXiv rejected the query '{query}': {error}");
                total = feed.TotalResults;
                foreach (var problem in feed.Rejected) session.Reject(problem);
                if (feed.Entries.Count + feed.Rejected.Count == 0)
                {
                    if (start == 0) session.Reject(new ImportProblem($"'{query}'", "arXiv found no papers (empty result)"), 0);
                    break;
                }
                // A server may answer with more than it was asked for (a whole page): --max is a promise, so never more.
                var entries = feed.Entries.Count > size ? feed.Entries.Take(size).ToList() : feed.Entries;
                start += entries.Count + feed.Rejected.Count;
                await session.WriteAsync(ImportBatch.Of(entries, start.ToString(CultureInfo.InvariantCulture)), token);
            }
        }, ct);
    }
}
