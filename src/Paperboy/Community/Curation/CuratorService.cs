using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>What curators do: feature any known paper on any day, take it off its day, hide or show a paper.</summary>
public sealed class CuratorService(PaperboyDb db, IMemoryCache cache, DataVersion version)
{
    /// <summary>Moves or puts the paper on <paramref name="day"/>; false when there is no such paper.</summary>
    public async Task<bool> FeatureAsync(Viewer curator, string paperId, DateOnly day, CancellationToken ct)
    {
        if (!await db.Set<Paper>().AnyAsync(p => p.Id == paperId, ct)) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Set<FeaturedPaper>().Where(f => f.PaperId == paperId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Day, day), ct);
        if (moved == 0)
        {
            db.Add(new FeaturedPaper
            {
                PaperId = paperId, Day = day, FeaturedAt = DateTime.UtcNow, Source = FeaturedSource.Curator,
                SubmittedBy = curator.Handle, SubmittedByName = curator.Handle, SubmitterUserId = curator.Id,
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
        version.Bump();
        return true;
    }

    /// <summary>Takes the paper off the day it is on; false when it is on no day.</summary>
    public async Task<bool> UnfeatureAsync(string paperId, CancellationToken ct)
    {
        var removed = await db.Set<FeaturedPaper>().Where(f => f.PaperId == paperId).ExecuteDeleteAsync(ct) > 0;
        version.Bump();
        return removed;
    }

    /// <summary>Hides or shows a paper everywhere; false when there is no such paper.</summary>
    public async Task<bool> SetHiddenAsync(string paperId, bool hidden, CancellationToken ct)
    {
        var changed = await db.Set<Paper>().Where(p => p.Id == paperId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Hidden, hidden), ct) == 1;
        UpvoteStore.Forget(cache, paperId);
        version.Bump();
        return changed;
    }
}
