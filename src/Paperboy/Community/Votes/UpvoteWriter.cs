using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>
/// Writes votes in batches: every vote waiting when the writer comes round goes into one transaction (group commit).
/// SQLite has one writer at a time, so one transaction per vote queues requests behind each other's commits; a batch
/// pays for one. Each vote still changes <c>papers.local_upvotes</c> only when its row really appeared or went away, in
/// the same transaction, and papers are touched in id order so concurrent batches of several instances cannot deadlock.
/// </summary>
public sealed class UpvoteWriter : IAsyncDisposable
{
    const int MaxBatch = 512;
    readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    readonly IServiceScopeFactory _scopes;
    readonly ILogger<UpvoteWriter> _log;
    readonly Task _loop;

    sealed record Pending(long UserId, string PaperId, bool Add, TaskCompletionSource<int> Done);

    readonly DataVersion _version;
    readonly MemberVotes _members;

    public UpvoteWriter(IServiceScopeFactory scopes, DataVersion version, MemberVotes members, ILogger<UpvoteWriter> log)
    {
        _scopes = scopes;
        _version = version;
        _members = members;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Casts or takes back the vote; returns the paper's upvotes (imported plus local) after it.</summary>
    public Task<int> ApplyAsync(long userId, string paperId, bool add, CancellationToken ct)
    {
        var pending = new Pending(userId, paperId, add, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(UpvoteWriter));
        return pending.Done.Task.WaitAsync(ct);
    }

    async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p)) batch.Add(p);
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                // One bad vote (its paper deleted meanwhile) must not sink the others: retry them one by one.
                _log.LogWarning("upvote batch of {Count} failed, retrying one by one: {Reason}", batch.Count, e.Message);
                foreach (var p in batch)
                {
                    try { await WriteAsync([p]); }
                    catch (Exception one) { p.Done.TrySetException(one); }
                }
            }
        }
    }

    async Task WriteAsync(List<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        await db.Database.OpenConnectionAsync(); // through EF, so the SQLite pragmas (foreign keys, synchronous) apply
        var conn = db.Database.GetDbConnection();
        try
        {
            var ordered = batch.OrderBy(p => p.PaperId, StringComparer.Ordinal).ToList();
            await using var tx = await conn.BeginTransactionAsync();
            var now = DateTime.UtcNow;
            foreach (var p in ordered)
            {
                var changed = p.Add
                    ? await ExecAsync(conn, tx, "INSERT INTO upvotes (user_id, paper_id, created_at) VALUES (@u, @p, @t) ON CONFLICT DO NOTHING", p, now)
                    : await ExecAsync(conn, tx, "DELETE FROM upvotes WHERE user_id = @u AND paper_id = @p", p, now);
                if (changed == 1)
                    await ExecAsync(conn, tx, $"UPDATE papers SET local_upvotes = local_upvotes {(p.Add ? "+" : "-")} 1 WHERE id = @p", p, now);
            }
            var counts = new Dictionary<string, int>();
            foreach (var id in ordered.Select(p => p.PaperId).Distinct())
            {
                await using var cmd = Command(conn, tx, "SELECT imported_upvotes + local_upvotes FROM papers WHERE id = @p");
                Add(cmd, "@p", id);
                counts[id] = Convert.ToInt32(await cmd.ExecuteScalarAsync() ?? 0);
            }
            await tx.CommitAsync();
            _version.BumpCounts(); // cached lists show the new counts within DataVersion.CountsDelay
            foreach (var userId in batch.Select(p => p.UserId).Distinct()) _members.Changed(userId);
            foreach (var p in batch) p.Done.TrySetResult(counts[p.PaperId]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task<int> ExecAsync(DbConnection conn, DbTransaction tx, string sql, Pending p, DateTime now)
    {
        await using var cmd = Command(conn, tx, sql);
        Add(cmd, "@p", p.PaperId);
        if (sql.Contains("@u")) Add(cmd, "@u", p.UserId);
        if (sql.Contains("@t")) Add(cmd, "@t", now);
        return await cmd.ExecuteNonQueryAsync();
    }

    static DbCommand Command(DbConnection conn, DbTransaction tx, string sql)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    static void Add(DbCommand cmd, string name, object value)
    {
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        cmd.Parameters.Add(parameter);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
