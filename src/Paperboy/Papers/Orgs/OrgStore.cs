using Microsoft.EntityFrameworkCore;
using Paperboy.Domain;
using Paperboy.Storage;

namespace Paperboy.Papers.Orgs;

/// <summary>
/// An organisation's papers: the featured papers whose HF entry names it (<c>featured_papers.organization_name</c>, HF's
/// name as in hf.co's addresses, e.g. <c>ByteDance-Seed</c>), matched without regard to case (migration 0014 indexes
/// <c>lower(organization_name)</c>), newest day first. Hidden papers never show.
/// </summary>
public sealed class OrgStore(PaperboyDb db)
{
    public const int PageSize = 30;

    /// <summary>One page (from 0) of the organisation's papers; null when it has none here at all.</summary>
    public async Task<OrgView?> FindAsync(string name, int page, int size, CancellationToken ct)
    {
        var key = name.Trim().ToLowerInvariant();
        var featured = db.Set<FeaturedPaper>().Where(f => f.OrganizationName != null && f.OrganizationName.ToLower() == key && !f.Paper!.Hidden);
        var newest = await featured.OrderByDescending(f => f.Day).ThenByDescending(f => f.FeaturedAt)
            .Select(f => new { f.OrganizationName, f.OrganizationAvatar, f.Paper!.Organization }).FirstOrDefaultAsync(ct);
        if (newest is null) return null;
        var total = await featured.CountAsync(ct);
        var entries = await featured.Include(f => f.Paper)
            .OrderByDescending(f => f.Day).ThenByDescending(f => f.FeaturedAt).ThenByDescending(f => f.PaperId)
            .Skip(page * size).Take(size).ToListAsync(ct);
        return new OrgView(newest.OrganizationName!, newest.Organization ?? newest.OrganizationName!, HttpLink.OrNull(newest.OrganizationAvatar), total, entries);
    }
}
