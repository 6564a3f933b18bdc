using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Paperboy.Storage;

/// <summary>
/// The <c>job_leases</c> table: with several instances on one database, the instance holding a job's unexpired lease
/// runs it. Taking a lease is one atomic upsert that succeeds only when the lease is free, expired, or already ours.
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>A name for this process among the instances: host and process id.</summary>
    public static string ThisInstance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>True when this instance now holds <paramref name="job"/> until now + <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct, string? holder = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText =
                "INSERT INTO job_leases (name, holder, expires_at) VALUES (@name, @holder, @expires) " +
                "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
                "WHERE job_leases.expires_at < @now OR job_leases.holder = excluded.holder";
            var now = time.GetUtcNow().UtcDateTime;
            Add(cmd, "name", job);
            Add(cmd, "holder", holder ?? ThisInstance);
            Add(cmd, "expires", now + duration);
            Add(cmd, "now", now);
            return await cmd.ExecuteNonQueryAsync(ct) == 1;
        }
        finally { await conn.CloseAsync(); }
    }

    static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
