using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Digest;

/// <summary>
/// Secrets kept in the database so that every instance (and the CLI) signs and checks links alike.
/// The first caller generates a key; a race between instances is settled by the primary key.
/// </summary>
public sealed class DigestKeyStore(IServiceScopeFactory scopes)
{
    public async Task<byte[]> GetOrCreateAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaperboyDb>();
        var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO digest_keys (name, value) VALUES ({name}, {fresh}) ON CONFLICT (name) DO NOTHING", ct);
        var stored = await db.Database.SqlQuery<string>($"SELECT value AS \"Value\" FROM digest_keys WHERE name = {name}").SingleAsync(ct);
        return Convert.FromBase64String(stored);
    }
}
