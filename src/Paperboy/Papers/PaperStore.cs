using Microsoft.EntityFrameworkCore;
using Paperboy.Storage;

namespace Paperboy.Papers;

/// <summary>Reads single papers; a hidden paper is as absent as an unknown one.</summary>
public sealed class PaperStore(PaperboyDb db)
{
    /// <summary>The visible paper with this bare id and the day it was featured (if it was), or null.</summary>
    public async Task<FeaturedPaperView?> FindAsync(string id, CancellationToken ct)
    {
        var paper = await db.Set<Paper>().FirstOrDefaultAsync(p => p.Id == id && !p.Hidden, ct);
        if (paper is null) return null;
        var featured = await db.Set<FeaturedPaper>().FirstOrDefaultAsync(f => f.PaperId == id, ct);
        return new FeaturedPaperView(paper, featured);
    }
}
