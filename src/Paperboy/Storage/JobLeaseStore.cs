using Microsoft.EntityFrameworkCore;

namespace Paperboy.Storage;

/// <summary>
/// Leases on <c>job_leases</c> rows: one holder at a time runs a job; a lease left by a crashed holder expires.
/// </summary>
public sealed class JobLeaseStore(IServiceScopeFactory scopes)
{
    /// <summary>True when <paramref name="holder"/> now holds <paramref name="name"/> until now + <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var now = DateTime.UtcNow;
        var until = now + duration;
        var taken = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE job_leases SET holder = {holder}, expires_at = {until} WHERE name = {name} AND (expires_at < {now} OR holder = {holder})", ct);
        if (taken == 1) return true;
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO job_leases (name, holder, expires_at) VALUES ({name}, {holder}, {until}) ON CONFLICT (name) DO NOTHING", ct) == 1;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM job_leases WHERE name = {name} AND holder = {holder}", ct);
    }
}
