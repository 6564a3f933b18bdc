using Microsoft.EntityFrameworkCore;
using Paperboy.Community;
using Paperboy.Storage;

namespace Paperboy.Discovery;

/// <summary>
/// The secret of a reader's private "For you" feed, made and checked like API tokens (<see cref="SecretTokens"/>:
/// only its SHA-256 is stored, compared in constant time). The link is shown once; asking again replaces it.
/// </summary>
public sealed class FeedSecretStore(PaperboyDb db)
{
    public const string Prefix = "pbf_";

    /// <summary>A new secret for <paramref name="userId"/> (the old link stops working), as the text of the link.</summary>
    public async Task<string> ReplaceAsync(long userId, CancellationToken ct)
    {
        var secret = SecretTokens.NewSecret();
        var hash = SecretTokens.Hash(secret);
        var now = DateTime.UtcNow;
        var updated = await db.Set<FeedSecret>().Where(s => s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SecretHash, hash).SetProperty(x => x.CreatedAt, now), ct);
        if (updated == 0)
        {
            db.Add(new FeedSecret { UserId = userId, SecretHash = hash, CreatedAt = now });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return SecretTokens.Format(Prefix, userId, secret);
    }

    public Task<bool> ExistsAsync(long userId, CancellationToken ct) => db.Set<FeedSecret>().AnyAsync(s => s.UserId == userId, ct);

    /// <summary>The reader whose current secret <paramref name="text"/> is, or null.</summary>
    public async Task<long?> FindReaderAsync(string? text, CancellationToken ct)
    {
        if (!SecretTokens.TryParse(text, Prefix, out var userId, out var secret)) return null;
        var row = await db.Set<FeedSecret>().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        return row is not null && SecretTokens.Matches(row.SecretHash, secret) ? userId : null;
    }
}
