using Microsoft.Extensions.Options;
using Paperboy.Jobs;

namespace Paperboy.Digest;

/// <summary>
/// At <see cref="DigestOptions.SendAt"/> (in <see cref="DigestOptions.TimeZone"/>) one instance, holding the
/// <c>digest-send</c> lease, composes and sends the day's digests, the same as <c>paperboy digest send</c>. A hub started
/// after that time catches up at once (composing is idempotent).
/// </summary>
public sealed class DigestSchedule(IServiceScopeFactory scopes, IOptions<DigestOptions> options, IJobLeases leases, TimeProvider time,
    ILogger<DigestSchedule> log) : ScheduledJob(leases, time, log)
{
    public override string Name => "digest-send";
    protected override bool Enabled => options.Value.Scheduled;
    protected override bool RunAtStart => TimeOnly.FromDateTime(Local(Time.GetUtcNow()).DateTime) >= options.Value.SendAtTime;

    protected override DateTimeOffset NextRun(DateTimeOffset now)
    {
        var local = Local(now);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= options.Value.SendAtTime) day = day.AddDays(1);
        var wall = day.ToDateTime(options.Value.SendAtTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, options.Value.Zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<DigestRunner>();
        var today = runner.Today;
        var result = await runner.RunAsync(today, null, dryRun: false, ct);
        log.LogInformation("digest schedule {Day}: {Messages} messages composed", today, result.Composed.Sum(c => c.Messages));
    }

    DateTimeOffset Local(DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, options.Value.Zone);
}
