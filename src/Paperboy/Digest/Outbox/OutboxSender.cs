using System.Diagnostics;
using System.Threading.Channels;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Paperboy.Mail;
using Paperboy.Storage;

namespace Paperboy.Digest.Outbox;

/// <summary>
/// Sends what is due in the outbox as a pipeline: one claimer takes batches of rows and renders their messages ahead,
/// <see cref="DigestOptions.Connections"/> SMTP connections (each kept open across messages) send them, and one settler
/// records the outcomes, all the messages accepted since its last write in one UPDATE (a group commit). Each connection
/// sends its next message only once the outcome of its last one is stored, so a killed run leaves to the next one at
/// most one message per connection whose outcome it never stored: sent again, with the same Message-ID, if the server
/// had accepted it (SMTP cannot tell a sender what a server got before the connection died).
/// 4xx: retried later with backoff; 5xx: that row fails with the server's reason; server unreachable: the run stops
/// and hands its rows back.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, SmtpMailer mailer, MessageRenderer renderer, SqliteWriteGate gate,
    IOptions<DigestOptions> options, OutboxMetrics metrics, ILogger<OutboxSender> log)
{
    public async Task<SendRunResult> SendDueAsync(OutboxKind? kind, CancellationToken ct)
    {
        var o = options.Value;
        var run = new SendRun($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", kind);
        var clock = Stopwatch.StartNew();
        var queue = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleWriter = true });
        var outcomes = Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true });
        var settler = new OutboxSettler(scopes, gate, o, run).RunAsync(outcomes.Reader);
        var workers = Enumerable.Range(0, o.Connections)
            .Select(_ => Task.Factory.StartNew(() => Work(run, queue.Reader, outcomes.Writer, settler, ct), TaskCreationOptions.LongRunning)).ToArray();
        try { await ClaimAsync(run, queue, o, ct); }
        finally
        {
            queue.Writer.Complete();
            await Task.WhenAll(workers);
            outcomes.Writer.Complete();
            await settler;
        }
        int waiting;
        await using (var scope = scopes.CreateAsyncScope())
            waiting = await scope.ServiceProvider.GetRequiredService<PaperboyDb>().Set<OutboxMessage>()
                .CountAsync(m => m.Status == OutboxStatus.Pending && (kind == null || m.Kind == kind), CancellationToken.None);
        var result = new SendRunResult(run.Sent, run.Failed, run.Retrying, waiting, run.Unreachable, clock.Elapsed);
        metrics.Record(result);
        if (result.Sent + result.Failed + result.Retrying > 0 || result.Unreachable is not null)
            log.LogInformation("outbox: {Sent} sent, {Failed} failed, {Retrying} to retry, {Waiting} waiting in {Seconds:F1} s {Unreachable}",
                result.Sent, result.Failed, result.Retrying, result.Waiting, result.Elapsed.TotalSeconds, result.Unreachable ?? "");
        return result;
    }

    /// <summary>Claims a batch whenever the queue runs low, and renders its messages into the queue.</summary>
    async Task ClaimAsync(SendRun run, Channel<Outgoing> queue, DigestOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        while (!run.Stopped && !ct.IsCancellationRequested)
        {
            // Claim the next batch only once the queue is empty: a claimed row's lease runs while it waits there.
            while (queue.Reader.Count > 0 && !run.Stopped && !ct.IsCancellationRequested) await Task.Delay(2, CancellationToken.None);
            if (run.Stopped || ct.IsCancellationRequested) return;
            var claimedAt = DateTime.UtcNow;
            List<OutboxMessage> batch;
            using (await gate.EnterAsync(db, ct))
                batch = await OutboxClaims.ClaimAsync(db, run.Owner, claimedAt, claimedAt.AddSeconds(o.ClaimSeconds), o.ClaimBatch, run.Kind, ct);
            if (batch.Count == 0) return;
            // A row of ours still on its way (its lease ran out mid-send) was claimed again: that renewed its lease,
            // and it must not go out twice.
            batch.RemoveAll(row => !run.Unsettled.TryAdd(row.Id, 0));
            if (batch.Count == 0) { await Task.Delay(50, CancellationToken.None); continue; }
            var papers = await PapersAsync(db, run, batch, o.AbstractChars, ct);
            // Stop sending from a batch before its claim runs out: another sender may take the rows after that.
            var safeUntil = claimedAt.AddSeconds(o.ClaimSeconds * 0.8);
            foreach (var row in batch)
            {
                var message = run.Stopped || ct.IsCancellationRequested ? null : await renderer.RenderAsync(row, papers, ct);
                queue.Writer.TryWrite(new Outgoing(row, message, safeUntil));
            }
        }
    }

    /// <summary>
    /// One SMTP connection on a thread of its own, opened at its first message and reused for the rest. Blocking I/O on
    /// purpose: the thread wakes straight on each server answer instead of through the thread pool (see <see cref="SmtpMailer.Connect"/>).
    /// </summary>
    void Work(SendRun run, ChannelReader<Outgoing> queue, ChannelWriter<Outcome> outcomes, Task settler, CancellationToken ct)
    {
        SmtpClient? client = null;
        using var recorded = new ManualResetEventSlim();
        try
        {
            while (queue.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                if (!queue.TryRead(out var item)) continue;
                if (item.Message is not null && !run.Stopped && !ct.IsCancellationRequested && DateTime.UtcNow <= item.SafeUntil)
                    client ??= Connect(run, ct);
                if (client is null || item.Message is null || run.Stopped || ct.IsCancellationRequested || DateTime.UtcNow > item.SafeUntil)
                {
                    item.Message?.Dispose();
                    outcomes.TryWrite(new Outcome(item.Row, null)); // handed back unsent
                    continue;
                }
                SendResult result;
                try { result = mailer.Send(client, item.Message, ct); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    outcomes.TryWrite(new Outcome(item.Row, null));
                    continue;
                }
                finally { item.Message.Dispose(); } // hands MimeKit's pooled buffers back
                recorded.Reset();
                outcomes.TryWrite(new Outcome(item.Row, result, recorded));
                WaitUntilRecorded(recorded, settler);
                if (result.Unreachable) run.Stop(result.Reason!);
                if (!client.IsConnected) { client.Dispose(); client = null; }
            }
        }
        finally
        {
            if (client is not null)
            {
                try { if (client.IsConnected) client.Disconnect(quit: true, CancellationToken.None); } catch (Exception) { }
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// Blocks this connection until the settler has committed its last outcome. The settler still writes the outcomes of
    /// every connection together, so the wait is one group commit, while the other connections keep the server busy.
    /// </summary>
    static void WaitUntilRecorded(ManualResetEventSlim recorded, Task settler)
    {
        // A settler that failed records nothing more; its exception ends the run once the connections are done.
        while (!recorded.Wait(TimeSpan.FromMilliseconds(200)))
            if (settler.IsCompleted) return;
    }

    SmtpClient? Connect(SendRun run, CancellationToken ct)
    {
        try { return mailer.Connect(ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return null; }
        catch (Exception e)
        {
            run.Stop(mailer.UnreachableReason(e));
            return null;
        }
    }

    /// <summary>The papers a batch shows, loaded once per run and flattened once rather than once per message.</summary>
    static async Task<IReadOnlyDictionary<string, PaperSummary>> PapersAsync(PaperboyDb db, SendRun run, List<OutboxMessage> batch,
        int abstractChars, CancellationToken ct)
    {
        var wanted = batch.Where(r => r.Kind == OutboxKind.Digest).SelectMany(r => DigestContent.FromJson(r.Content).PaperIds)
            .Distinct().Where(id => !run.Papers.ContainsKey(id)).ToList();
        foreach (var chunk in wanted.Chunk(500))
        {
            var found = await db.Set<Paper>().Where(p => chunk.Contains(p.Id))
                .Select(p => new PaperSummary(p.Id, p.Title, p.Authors, p.Abstract, p.ImportedUpvotes + p.LocalUpvotes)).ToListAsync(ct);
            foreach (var p in found) run.Papers[p.Id] = p with { Title = DigestText.Flatten(p.Title), Abstract = DigestText.Opening(p.Abstract, abstractChars) };
        }
        return run.Papers;
    }
}

/// <summary>A claimed row and its rendered message (null: hand the row back unsent).</summary>
sealed record Outgoing(OutboxMessage Row, MimeMessage? Message, DateTime SafeUntil);

/// <summary>
/// How sending one row went; a null result means it was not sent and goes back untouched. <paramref name="Recorded"/>,
/// when given, is set once the outcome is committed.
/// </summary>
sealed record Outcome(OutboxMessage Row, SendResult? Result, ManualResetEventSlim? Recorded = null);
