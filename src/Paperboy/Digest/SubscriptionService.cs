using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paperboy.Digest.Outbox;
using Paperboy.Digest.Watchlists;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Digest;

/// <summary>
/// Double opt-in subscriptions. Asking is always answered the same way, whether the address is new, waiting for
/// confirmation or already subscribed; only the first two get a confirmation message (at most one per
/// <see cref="DigestOptions.ConfirmResendSeconds"/>), and nothing else is sent before the link is followed.
/// </summary>
public sealed class SubscriptionService(PaperboyDb db, LinkSigner signer, OutboxKick kick, IOptions<DigestOptions> options,
    IOptions<SiteOptions> site, ILogger<SubscriptionService> log)
{
    public const string ConfirmPurpose = "confirm";
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(48);

    /// <summary>Records the request and queues a confirmation when one is due. <paramref name="email"/> is already normalized.</summary>
    public async Task RequestAsync(string email, DigestFrequency frequency, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var sub = await db.Set<Subscription>().AsTracking().SingleOrDefaultAsync(s => s.Email == email, ct);
        if (sub is null)
        {
            sub = new Subscription { Email = email, Frequency = frequency, CreatedAt = now };
            db.Add(sub);
        }
        else if (sub.IsActive || sub.ConfirmSentAt > now.AddSeconds(-options.Value.ConfirmResendSeconds))
        {
            return;
        }
        sub.Frequency = frequency;
        sub.ConfirmNonce ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        sub.ConfirmSentAt = now;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The same address asked twice at the same moment: the other request sends the confirmation.
            return;
        }
        var expires = now + ConfirmLifetime;
        var token = await signer.SignAsync(ConfirmPurpose, sub.Id, expires, sub.ConfirmNonce, ct);
        db.Add(new OutboxMessage
        {
            Kind = OutboxKind.Confirmation, SubscriptionId = sub.Id, Recipient = email,
            MessageId = $"confirm.{sub.Id}.{now.Ticks}@{site.Value.Host}",
            Content = new ConfirmationContent(site.Value.Link($"/subscribe/confirm/{token}"), expires, frequency).ToJson(),
            Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        log.LogInformation("subscription {SubscriptionId} asked for confirmation", sub.Id);
        kick.Kick();
    }

    /// <summary>What the confirmation link would do, without doing it (for the page a GET shows).</summary>
    public async Task<(ConfirmOutcome Outcome, Subscription? Subscription)> InspectAsync(string token, CancellationToken ct)
    {
        var link = await signer.VerifyAsync(ConfirmPurpose, token, ct);
        if (link is null) return (ConfirmOutcome.Invalid, null);
        var sub = await db.Set<Subscription>().AsTracking().SingleOrDefaultAsync(s => s.Id == link.Id, ct);
        if (sub is null) return (ConfirmOutcome.Invalid, null);
        if (sub.IsActive) return (ConfirmOutcome.AlreadyConfirmed, sub);
        if (link.IsExpired(DateTime.UtcNow)) return (ConfirmOutcome.Expired, sub);
        if (sub.ConfirmNonce != link.Nonce) return (ConfirmOutcome.Used, sub);
        return (ConfirmOutcome.Confirmable, sub);
    }

    public async Task<(ConfirmOutcome Outcome, Subscription? Subscription)> ConfirmAsync(string token, CancellationToken ct)
    {
        var (outcome, sub) = await InspectAsync(token, ct);
        if (outcome != ConfirmOutcome.Confirmable) return (outcome, sub);
        sub!.ConfirmedAt = DateTime.UtcNow;
        sub.UnsubscribedAt = null;
        sub.ConfirmNonce = null;
        await db.SaveChangesAsync(ct);
        log.LogInformation("subscription {SubscriptionId} confirmed", sub.Id);
        return (ConfirmOutcome.Confirmed, sub);
    }

    /// <summary>The subscription a manage or unsubscribe link stands for; null when the link is not ours.</summary>
    public async Task<Subscription?> FindByManageTokenAsync(string token, CancellationToken ct)
    {
        var link = await signer.VerifyAsync(MessageRenderer.ManagePurpose, token, ct);
        if (link is null) return null;
        return await db.Set<Subscription>().Include(s => s.Watchlists.OrderBy(w => w.Id)).SingleOrDefaultAsync(s => s.Id == link.Id, ct);
    }

    /// <summary>Stops every message to the address, those already waiting in the outbox included. Doing it twice is harmless.</summary>
    public async Task UnsubscribeAsync(long subscriptionId, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await db.Set<Subscription>().Where(s => s.Id == subscriptionId && s.UnsubscribedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UnsubscribedAt, now), ct);
        await db.Set<OutboxMessage>().Where(m => m.SubscriptionId == subscriptionId && m.Status == OutboxStatus.Pending && m.LockedBy == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled), ct);
        log.LogInformation("subscription {SubscriptionId} unsubscribed", subscriptionId);
    }

    public Task SetFrequencyAsync(long subscriptionId, DigestFrequency frequency, CancellationToken ct) =>
        db.Set<Subscription>().Where(s => s.Id == subscriptionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Frequency, frequency), ct);

    /// <summary>The subscription of an address (an account's is found by its email), with its watch-lists; null when none.</summary>
    public Task<Subscription?> FindByEmailAsync(string email, CancellationToken ct) =>
        db.Set<Subscription>().Include(s => s.Watchlists.OrderBy(w => w.Id)).SingleOrDefaultAsync(s => s.Email == email.Trim().ToLowerInvariant(), ct);

    /// <summary>Adds a watch-list: its id when added (or already there), else why not, in words for the page or the API.</summary>
    public async Task<(long? Id, string? Error)> AddWatchlistAsync(long subscriptionId, string? text, CancellationToken ct)
    {
        if (WatchlistQuery.Parse(text).Error is { } error) return (null, error);
        var query = WatchlistQuery.Normalize(text!);
        var existing = await db.Set<Watchlist>().Where(w => w.SubscriptionId == subscriptionId).Select(w => new { w.Id, w.Query }).ToListAsync(ct);
        if (existing.FirstOrDefault(w => w.Query == query) is { } same) return (same.Id, null);
        if (existing.Count >= options.Value.MaxWatchlists) return (null, $"You can keep at most {options.Value.MaxWatchlists} watch-lists; remove one first.");
        var added = new Watchlist { SubscriptionId = subscriptionId, Query = query, CreatedAt = DateTime.UtcNow };
        db.Add(added);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Added at the same moment by another request.
            db.ChangeTracker.Clear();
            return (await db.Set<Watchlist>().Where(w => w.SubscriptionId == subscriptionId && w.Query == query).Select(w => (long?)w.Id).FirstOrDefaultAsync(ct), null);
        }
        return (added.Id, null);
    }

    /// <summary>Removes a watch-list of this subscription; false when it has none by that id.</summary>
    public async Task<bool> RemoveWatchlistAsync(long subscriptionId, long watchlistId, CancellationToken ct) =>
        await db.Set<Watchlist>().Where(w => w.Id == watchlistId && w.SubscriptionId == subscriptionId).ExecuteDeleteAsync(ct) > 0;
}
