using System.Collections.Concurrent;
using System.Diagnostics;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paperboy.Mail;
using Paperboy.Papers;
using Paperboy.Storage;

namespace Paperboy.Digest;

/// <summary>
/// Sends what is due in the outbox over several reused SMTP connections. Each sender claims a few rows at a time
/// and marks each one sent as soon as the server accepts it, so a killed run leaves at most the messages in flight
/// to be sent again by the next run (with the same Message-ID). 4xx: retried later with backoff; 5xx: that row
/// fails with the server's reason; server unreachable: the run stops and hands its rows back.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, SmtpMailer mailer, MessageRenderer renderer,
    IOptions<DigestOptions> options, IOptions<SmtpOptions> smtp, ILogger<OutboxSender> log)
{
    public async Task<SendRunResult> SendDueAsync(OutboxKind? kind, CancellationToken ct)
    {
        var run = new SendRun($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", kind);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Value.Connections).Select(_ => WorkAsync(run, ct)).ToArray();
        await Task.WhenAll(workers);
        int waiting;
        await using (var scope = scopes.CreateAsyncScope())
            waiting = await scope.ServiceProvider.GetRequiredService<PaperboyDb>().Set<OutboxMessage>()
                .CountAsync(m => m.Status == OutboxStatus.Pending && (kind == null || m.Kind == kind), ct);
        var result = new SendRunResult(run.Sent, run.Failed, run.Retrying, waiting, run.Unreachable, clock.Elapsed);
        if (result.Sent + result.Failed + result.Retrying > 0 || result.Unreachable is not null)
            log.LogInformation("outbox: {Sent} sent, {Failed} failed, {Retrying} to retry, {Waiting} waiting in {Seconds:F1} s {Unreachable}",
                result.Sent, result.Failed, result.Retrying, result.Waiting, result.Elapsed.TotalSeconds, result.Unreachable ?? "");
        return result;
    }

    async Task WorkAsync(SendRun run, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        SmtpClient? client = null;
        try
        {
            while (!run.Stopped && !ct.IsCancellationRequested)
            {
                var o = options.Value;
                var claimedAt = DateTime.UtcNow;
                var batch = await OutboxClaims.ClaimAsync(db, run.Owner, claimedAt, claimedAt.AddSeconds(o.ClaimSeconds), o.ClaimBatch, run.Kind, ct);
                if (batch.Count == 0) return;
                var papers = await PapersAsync(db, run, batch, ct);
                // Stop sending from a batch before its claim runs out: another sender may take the rows after that.
                var safeUntil = claimedAt.AddSeconds(o.ClaimSeconds * 0.8);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (run.Stopped || DateTime.UtcNow > safeUntil || ct.IsCancellationRequested)
                    {
                        await ReleaseAsync(db, run, batch.Skip(i));
                        break;
                    }
                    client ??= await ConnectAsync(run, ct);
                    if (client is null) { await ReleaseAsync(db, run, batch.Skip(i)); break; }
                    var message = await renderer.RenderAsync(batch[i], papers, ct);
                    var result = await mailer.SendAsync(client, message, ct);
                    await RecordAsync(db, run, batch[i], result);
                    if (result.Unreachable) { run.Stop(result.Reason!); await ReleaseAsync(db, run, batch.Skip(i + 1)); break; }
                    if (!client.IsConnected) { client.Dispose(); client = null; }
                }
            }
        }
        finally
        {
            if (client is not null)
            {
                try { if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None); } catch (Exception) { }
                client.Dispose();
            }
        }
    }

    async Task<SmtpClient?> ConnectAsync(SendRun run, CancellationToken ct)
    {
        try { return await mailer.ConnectAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var o = smtp.Value;
            run.Stop($"SMTP server {o.Host}:{o.Port} unreachable: {e.Message}");
            return null;
        }
    }

    async Task RecordAsync(PaperboyDb db, SendRun run, OutboxMessage row, SendResult result)
    {
        var now = DateTime.UtcNow;
        var o = options.Value;
        // Not cancellable: the server has answered, and the answer must be stored.
        if (result.Outcome == SendOutcome.Sent)
        {
            run.Count(ref run.Sent);
            await OutboxClaims.SettleAsync(db, row.Id, OutboxStatus.Sent, sentAt: now, nextAttemptAt: null, error: null, countAttempt: true);
        }
        else if (result.Unreachable)
        {
            await OutboxClaims.SettleAsync(db, row.Id, OutboxStatus.Pending, null, null, result.Reason, countAttempt: false);
        }
        else if (result.Outcome == SendOutcome.Permanent || row.Attempts + 1 >= o.MaxAttempts)
        {
            run.Count(ref run.Failed);
            await OutboxClaims.SettleAsync(db, row.Id, OutboxStatus.Failed, null, null, result.Reason, countAttempt: true);
        }
        else
        {
            run.Count(ref run.Retrying);
            var next = now.AddSeconds(o.RetryBaseSeconds * Math.Pow(2, row.Attempts));
            await OutboxClaims.SettleAsync(db, row.Id, OutboxStatus.Pending, null, next, result.Reason, countAttempt: true);
        }
    }

    static async Task ReleaseAsync(PaperboyDb db, SendRun run, IEnumerable<OutboxMessage> rows)
    {
        var ids = rows.Select(r => r.Id).ToList();
        if (ids.Count == 0) return;
        await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id) && m.LockedBy == run.Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>The papers a batch shows, loaded once per run.</summary>
    async Task<IReadOnlyDictionary<string, PaperSummary>> PapersAsync(PaperboyDb db, SendRun run, List<OutboxMessage> batch, CancellationToken ct)
    {
        var abstractChars = options.Value.AbstractChars;
        var wanted = batch.Where(r => r.Kind == OutboxKind.Digest).SelectMany(r => DigestContent.FromJson(r.Content).PaperIds)
            .Distinct().Where(id => !run.Papers.ContainsKey(id)).ToList();
        foreach (var chunk in wanted.Chunk(500))
        {
            var found = await db.Set<Paper>().Where(p => chunk.Contains(p.Id))
                .Select(p => new PaperSummary(p.Id, p.Title, p.Authors, p.Abstract, p.ImportedUpvotes + p.LocalUpvotes)).ToListAsync(ct);
            // Flattened once per run rather than once per message.
            foreach (var p in found) run.Papers[p.Id] = p with { Title = DigestText.Flatten(p.Title), Abstract = DigestText.Opening(p.Abstract, abstractChars) };
        }
        return run.Papers;
    }

    sealed class SendRun(string owner, OutboxKind? kind)
    {
        public string Owner => owner;
        public OutboxKind? Kind => kind;
        public int Sent, Failed, Retrying;
        public readonly ConcurrentDictionary<string, PaperSummary> Papers = new(StringComparer.Ordinal);
        public volatile string? Unreachable;
        public bool Stopped => Unreachable is not null;
        public void Stop(string reason) => Unreachable ??= reason;
        public void Count(ref int counter) => Interlocked.Increment(ref counter);
    }
}
