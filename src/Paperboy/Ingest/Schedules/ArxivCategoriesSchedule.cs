using Microsoft.Extensions.Options;
using Paperboy.Ingest.Arxiv;
using Paperboy.Jobs;

namespace Paperboy.Ingest.Schedules;

/// <summary>After each arXiv announcement: the newest papers of every configured category (<c>Paperboy:Ingest:Categories</c>).</summary>
public sealed class ArxivCategoriesSchedule(
    IOptions<IngestOptions> ingest, IJobLeases leases, TimeProvider clock, ILogger<ArxivCategoriesSchedule> log, IServiceScopeFactory scopes)
    : ScheduledImport(ingest, leases, clock, log)
{
    public override string Name => "import-arxiv-categories";
    protected override DateTimeOffset NextRun(DateTimeOffset now) => ImportSchedule.NextArxivAnnouncement(now);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ArxivApiImporter>();
        var day = $" on {Time.GetUtcNow().UtcDateTime:yyyy-MM-dd}";
        foreach (var category in Options.EffectiveCategories)
        {
            var summary = await importer.ImportQueryAsync($"cat:{category}", Options.MaxPerCategory, "submittedDate", null, ct, day);
            if (summary.Failed) break; // arXiv is down or refusing: one failed run (and one log line) says so, not one per category
        }
    }
}
