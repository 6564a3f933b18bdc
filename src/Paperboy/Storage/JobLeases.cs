using System.Data.Common;
using Paperboy.Jobs;

namespace Paperboy.Storage;

/// <summary>
/// The <c>job_leases</c> table: with several instances on one database, the instance holding a job's unexpired lease
/// runs it. Taking a lease is one atomic upsert that succeeds only when the lease is free, expired, or already ours;
/// releasing it is a delete of our own row.
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider time) : IJobLeases
{
    /// <summary>This hub among the instances: host, process, and one id per hub (tests run several hubs in one process).</summary>
    public string ThisInstance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> _held = new();

    /// <summary>How many leases this instance holds now (unexpired), for the metrics.</summary>
    public int HeldHere
    {
        get
        {
            var now = time.GetUtcNow().UtcDateTime;
            return _held.Count(h => h.Value > now);
        }
    }

    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct, string? holder = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var taken = await AcquireAsync(job, duration, now, holder, ct);
        if (taken && holder is null) _held[job] = now + duration;
        return taken;
    }

    async Task<bool> AcquireAsync(string job, TimeSpan duration, DateTime now, string? holder, CancellationToken ct)
    {
        return await ExecuteAsync(
            "INSERT INTO job_leases (name, holder, expires_at) VALUES (@name, @holder, @expires) " +
            "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
            "WHERE job_leases.expires_at < @now OR job_leases.holder = excluded.holder",
            [("name", job), ("holder", holder ?? ThisInstance), ("expires", now + duration), ("now", now)], ct) == 1;
    }

    public async Task ReleaseAsync(string job, CancellationToken ct, string? holder = null)
    {
        await ExecuteAsync("DELETE FROM job_leases WHERE name = @name AND holder = @holder", [("name", job), ("holder", holder ?? ThisInstance)], ct);
        if (holder is null) _held.TryRemove(job, out _);
    }

    public async Task<DateTime?> ExpiresAtAsync(string job, CancellationToken ct) =>
        await RunAsync("SELECT expires_at FROM job_leases WHERE name = @name", [("name", job)], cmd => cmd.ExecuteScalarAsync(ct), ct) is { } at and not DBNull
            ? DateTime.SpecifyKind(Convert.ToDateTime(at, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc)
            : null;

    Task<int> ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct) =>
        RunAsync(sql, parameters, cmd => cmd.ExecuteNonQueryAsync(ct), ct);

    async Task<T> RunAsync<T>(string sql, (string Name, object Value)[] parameters, Func<DbCommand, Task<T>> run, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Through the context, so SQLite's pragmas (synchronous, foreign keys) apply as on every other connection.
        var conn = await scope.ServiceProvider.GetRequiredService<PaperboyDb>().OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) Add(cmd, name, value);
        return await run(cmd);
    }

    static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
