using Microsoft.Extensions.Options;
using Paperboy.Ingest.HfDaily;
using Paperboy.Storage;

namespace Paperboy.Ingest.Schedules;

/// <summary>Every hour (and once at start): HF's daily lists of today and the last <see cref="IngestOptions.HfDailyDays"/> days.</summary>
public sealed class HfDailySchedule(
    IOptions<IngestOptions> ingest, JobLeases leases, TimeProvider clock, ILogger<HfDailySchedule> log, IServiceScopeFactory scopes)
    : ScheduledImport(ingest, leases, clock, log)
{
    protected override string JobName => "import-hf-daily";
    protected override bool RunAtStart => true;
    protected override DateTimeOffset NextRun(DateTimeOffset now) => ImportSchedule.NextHour(now);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        await scope.ServiceProvider.GetRequiredService<HfDailyImporter>().ImportDaysAsync(today.AddDays(-Options.HfDailyDays), today, null, ct);
    }
}
