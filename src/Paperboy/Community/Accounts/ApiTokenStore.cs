using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>
/// Personal API tokens: shown once when created, stored as a hash, revocable. A token's row is cached for
/// <see cref="CacheFor"/> per instance (a script voting fast should not cost a query per request); revoking forgets it
/// on every instance at once (<see cref="ClusterSignals"/>).
/// </summary>
public sealed class ApiTokenStore(PaperboyDb db, IMemoryCache cache, ClusterSignals signals)
{
    public const string Prefix = "pb_";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    sealed record Cached(byte[] SecretHash, User User);

    /// <summary>Creates a token and returns its text, which is never shown again.</summary>
    public async Task<(ApiToken Token, string Text)> CreateAsync(long userId, string name, CancellationToken ct)
    {
        var secret = SecretTokens.NewSecret();
        var token = new ApiToken { UserId = userId, Name = name, SecretHash = SecretTokens.Hash(secret), CreatedAt = DateTime.UtcNow };
        db.Add(token);
        await db.SaveChangesAsync(ct);
        db.Entry(token).State = EntityState.Detached;
        return (token, SecretTokens.Format(Prefix, token.Id, secret));
    }

    public Task<List<ApiToken>> ListAsync(long userId, CancellationToken ct) =>
        db.Set<ApiToken>().Where(t => t.UserId == userId && t.RevokedAt == null).OrderBy(t => t.Id).ToListAsync(ct);

    /// <summary>False when the token is not this person's (or already revoked).</summary>
    public async Task<bool> RevokeAsync(long userId, long tokenId, CancellationToken ct)
    {
        var revoked = await db.Set<ApiToken>().Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTime.UtcNow), ct) == 1;
        signals.ForgetEverywhere(Key(tokenId));
        return revoked;
    }

    static string Key(long tokenId) => $"paperboy:token:{tokenId}";

    /// <summary>The owner of a live token, or null.</summary>
    public async Task<User?> AuthenticateAsync(string? text, CancellationToken ct)
    {
        if (!SecretTokens.TryParse(text, Prefix, out var id, out var secret)) return null;
        if (!cache.TryGetValue(Key(id), out Cached? row))
        {
            row = await (from t in db.Set<ApiToken>()
                         join u in db.Set<User>() on t.UserId equals u.Id
                         where t.Id == id && t.RevokedAt == null
                         select new Cached(t.SecretHash, u)).FirstOrDefaultAsync(ct);
            if (row is not null) cache.Set(Key(id), row, CacheFor);
        }
        return row is not null && SecretTokens.Matches(row.SecretHash, secret) ? row.User : null;
    }
}
