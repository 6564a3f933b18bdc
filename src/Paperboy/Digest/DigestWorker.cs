using Microsoft.Extensions.Options;
using Paperboy.Storage;

namespace Paperboy.Digest;

/// <summary>
/// The schedule: at <see cref="DigestOptions.SendAt"/> (in <see cref="DigestOptions.TimeZone"/>) one instance, holding the
/// <c>digest-send</c> lease, composes and sends the day's digests, the same as <c>paperboy digest send</c>; a server
/// started after that time catches up (composing is idempotent). Every minute it retries what is due; confirmation
/// messages go out as soon as they are asked for, whether the schedule is on or not.
/// </summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, OutboxKick kick, JobLeases leases, IOptions<DigestOptions> options,
    ILogger<DigestWorker> log) : BackgroundService
{
    readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    DateOnly? _ranOn;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var kicked = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                if (kicked) await sp.GetRequiredService<OutboxSender>().SendDueAsync(OutboxKind.Confirmation, stoppingToken);
                if (options.Value.Scheduled) await TickAsync(sp.GetRequiredService<DigestRunner>(), sp.GetRequiredService<OutboxSender>(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError("digest worker: {Error}", e.Message);
            }
            // First tick at start (a server started after SendAt catches up), then every minute or when kicked.
            kicked = await kick.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken).ContinueWith(t => t.IsCompletedSuccessfully && t.Result);
        }
    }

    async Task TickAsync(DigestRunner runner, OutboxSender sender, CancellationToken ct)
    {
        var o = options.Value;
        var today = runner.Today;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, o.Zone));
        if (_ranOn != today && local >= o.SendAtTime && await leases.TryAcquireAsync("digest-send", TimeSpan.FromMinutes(30), ct, _holder))
        {
            try
            {
                var result = await runner.RunAsync(today, null, dryRun: false, ct);
                log.LogInformation("digest schedule {Day}: {Messages} messages composed", today, result.Composed.Sum(c => c.Messages));
                _ranOn = today;
            }
            finally { await leases.TryAcquireAsync("digest-send", TimeSpan.Zero, CancellationToken.None, _holder); } // expires now: released
        }
        else
        {
            await sender.SendDueAsync(null, ct);
        }
    }
}
