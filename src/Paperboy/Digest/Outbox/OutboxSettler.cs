using Paperboy.Storage;
using System.Threading.Channels;

namespace Paperboy.Digest.Outbox;

/// <summary>
/// Records the outcomes of a send run as they come: whatever arrived since its last write goes into one transaction,
/// the accepted messages in one UPDATE. Under load the batches grow by themselves; when messages trickle in, each is
/// written at once. Writes are never cancelled: the server has answered, and the answer must be stored.
/// </summary>
sealed class OutboxSettler(IServiceScopeFactory scopes, SqliteWriteGate gate, DigestOptions options, SendRun run)
{
    public async Task RunAsync(ChannelReader<Outcome> outcomes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var batch = new List<Outcome>();
        while (await outcomes.WaitToReadAsync())
        {
            batch.Clear();
            while (outcomes.TryRead(out var outcome)) batch.Add(outcome);
            using (await gate.EnterAsync(db, CancellationToken.None))
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                await WriteAsync(db, batch);
                await tx.CommitAsync();
            }
            foreach (var outcome in batch)
            {
                run.Unsettled.TryRemove(outcome.Row.Id, out _);
                outcome.Recorded?.Set(); // its connection may send the next message
            }
        }
    }

    async Task WriteAsync(PaperboyDb db, List<Outcome> batch)
    {
        var now = DateTime.UtcNow;
        var sent = batch.Where(b => b.Result?.Outcome == Mail.SendOutcome.Sent).Select(b => b.Row.Id).ToList();
        await OutboxClaims.SettleSentAsync(db, sent, now);
        run.CountSent(sent.Count);
        await OutboxClaims.ReleaseAsync(db, run.Owner, batch.Where(b => b.Result is null).Select(b => b.Row.Id).ToList());
        foreach (var (row, result, _) in batch)
        {
            if (result is null || result.Outcome == Mail.SendOutcome.Sent) continue;
            if (result.Unreachable)
            {
                await OutboxClaims.SettleAsync(db, row.Id, OutboxStatus.Pending, null, result.Reason, countAttempt: false);
            }
            else if (result.Outcome == Mail.SendOutcome.Permanent || row.Attempts + 1 >= options.MaxAttempts)
            {
                run.CountFailed();
                await OutboxClaims.SettleAsync(db, row.Id, OutboxStatus.Failed, null, result.Reason, countAttempt: true);
            }
            else
            {
                run.CountRetrying();
                var next = now.AddSeconds(options.RetryBaseSeconds * Math.Pow(2, row.Attempts));
                await OutboxClaims.SettleAsync(db, row.Id, OutboxStatus.Pending, next, result.Reason, countAttempt: true);
            }
        }
    }
}
