using Microsoft.Extensions.Options;
using Paperboy.Digest.Outbox;
using Paperboy.Storage;

namespace Paperboy.Digest;

/// <summary>What <c>paperboy digest send</c> and the schedule both do: compose the digests due on a day, then send what is due.</summary>
public sealed class DigestRunner(DigestComposer composer, OutboxSender sender, IOptions<DigestOptions> options)
{
    /// <summary>Today in the configured time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, options.Value.Zone));

    /// <summary>The digests that go out on <paramref name="day"/> (only <paramref name="frequency"/> when given).</summary>
    public IReadOnlyList<DigestPeriod> PeriodsOn(DateOnly day, DigestFrequency? frequency) =>
        Enum.GetValues<DigestFrequency>().Where(f => frequency is null || f == frequency)
            .Select(f => DigestPeriod.For(f, day, options.Value)).OfType<DigestPeriod>().ToList();

    public async Task<DigestRunResult> RunAsync(DateOnly day, DigestFrequency? frequency, bool dryRun, CancellationToken ct)
    {
        var composed = new List<ComposeResult>();
        foreach (var period in PeriodsOn(day, frequency)) composed.Add(await composer.ComposeAsync(period, dryRun, ct));
        var sent = dryRun ? null : await sender.SendDueAsync(null, ct);
        return new DigestRunResult(day, composed, sent);
    }
}
