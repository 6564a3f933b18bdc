using Microsoft.Extensions.Options;
using Paperboy.Jobs;
using Paperboy.Storage;

namespace Paperboy.Digest.Outbox;

/// <summary>
/// Sends what the outbox holds: a confirmation as soon as it is asked for (the <see cref="OutboxKick"/>), whether the
/// digest schedule is on or not, and, with the schedule on, every message due for a retry once a minute. Every
/// instance runs it; the outbox's claims keep two senders off one message.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxKick kick, IOptions<DigestOptions> options, IJobLeases leases,
    TimeProvider time, ILogger<OutboxWorker> log) : ScheduledJob(leases, time, log)
{
    bool _kicked;

    public override string Name => "outbox";
    protected override bool OnOneInstance => false;
    protected override bool RunAtStart => true;
    protected override DateTimeOffset NextRun(DateTimeOffset now) => now.AddMinutes(1);
    protected override async Task WaitAsync(TimeSpan wait, CancellationToken ct) => _kicked = await kick.WaitAsync(wait, ct);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
        if (_kicked) await sender.SendDueAsync(OutboxKind.Confirmation, ct);
        if (options.Value.Scheduled) await sender.SendDueAsync(null, ct);
    }
}
