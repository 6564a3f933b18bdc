using Microsoft.Extensions.Options;
using Paperboy.Jobs;

namespace Paperboy.Ingest.Schedules;

/// <summary>A schedule that runs the same import code as the CLI (the importer's summary is its log line); off when <c>Paperboy:Ingest:Scheduled</c> is false.</summary>
public abstract class ScheduledImport(IOptions<IngestOptions> options, IJobLeases leases, TimeProvider time, ILogger log)
    : ScheduledJob(leases, time, log)
{
    protected IngestOptions Options => options.Value;
    protected override bool Enabled => options.Value.Scheduled;
}
