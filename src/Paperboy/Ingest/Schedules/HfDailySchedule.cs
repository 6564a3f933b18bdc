using Microsoft.Extensions.Options;
using Paperboy.Ingest.HfDaily;
using Paperboy.Jobs;

namespace Paperboy.Ingest.Schedules;

/// <summary>Every hour (and once at start): HF's daily lists of today and the last <see cref="IngestOptions.HfDailyDays"/> days.</summary>
public sealed class HfDailySchedule(
    IOptions<IngestOptions> ingest, IJobLeases leases, TimeProvider clock, ILogger<HfDailySchedule> log, IServiceScopeFactory scopes)
    : ScheduledImport(ingest, leases, clock, log)
{
    public override string Name => "import-hf-daily";
    protected override bool RunAtStart => true;
    protected override DateTimeOffset NextRun(DateTimeOffset now) => ImportSchedule.NextHour(now);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        await scope.ServiceProvider.GetRequiredService<HfDailyImporter>().ImportDaysAsync(today.AddDays(-Options.HfDailyDays), today, null, ct);
    }
}
