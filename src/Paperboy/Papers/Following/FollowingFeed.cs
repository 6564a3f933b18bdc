using Microsoft.EntityFrameworkCore;
using Paperboy.Community;
using Paperboy.Storage;

namespace Paperboy.Papers.Following;

/// <summary>
/// The Following tab: recent papers (featured, or published, within <see cref="WindowDays"/> days) from what a reader
/// follows: what followed people upvoted or submitted, papers of followed organisations, papers by followed authors.
/// Each source is read within the window first; authors are matched (exactly, without regard to case) on the window's
/// newest <see cref="MaxPublishedScanned"/> published papers and every featured one.
/// </summary>
public sealed class FollowingFeed(PaperboyDb db, TimeProvider clock)
{
    public const int WindowDays = 14, PageSize = 30, MaxPublishedScanned = 5_000;

    public async Task<FollowingList> ListAsync(long readerId, int page, CancellationToken ct)
    {
        var follows = await db.Set<Follow>().Where(f => f.UserId == readerId).ToListAsync(ct);
        if (follows.Count == 0) return new FollowingList([], 0, HasFollows: false);
        var sinceDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-WindowDays);
        var since = sinceDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var found = new Dictionary<string, Found>(StringComparer.Ordinal);
        await AddPeopleAsync(follows, sinceDay, since, found, ct);
        await AddOrgsAsync(follows, sinceDay, found, ct);
        await AddAuthorsAsync(follows, sinceDay, since, found, ct);
        var ordered = found.Values.OrderByDescending(f => f.Day).ThenByDescending(f => f.PaperId, StringComparer.Ordinal).ToList();
        var ids = ordered.Skip(page * PageSize).Take(PageSize).ToList();
        var idList = ids.Select(f => f.PaperId).ToList();
        var papers = await db.Set<Paper>().Where(p => idList.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var entries = ids.Where(f => papers.ContainsKey(f.PaperId)).Select(f => new FollowingEntry(papers[f.PaperId], f.Day, f.Reasons)).ToList();
        return new FollowingList(entries, ordered.Count, HasFollows: true);
    }

    /// <summary>Recent papers, featured or published in the window; each source narrows this first (by voter, by id).</summary>
    IQueryable<Recent> RecentPapers(DateOnly sinceDay, DateTime since) =>
        from p in db.Set<Paper>()
        join f in db.Set<FeaturedPaper>() on p.Id equals f.PaperId into listed
        from f in listed.DefaultIfEmpty()
        where !p.Hidden && ((f != null && f.Day >= sinceDay) || p.PublishedAt >= since)
        select new Recent
        {
            PaperId = p.Id, Day = f != null ? f.Day : null, PublishedAt = p.PublishedAt, OrgName = f != null ? f.OrganizationName : null,
            OrgShown = p.Organization, SubmitterUserId = f != null ? f.SubmitterUserId : null,
        };

    /// <summary>Papers featured within the window: found through the featured list's index on its day, never a scan of all papers.</summary>
    IQueryable<Recent> RecentFeatured(DateOnly sinceDay) =>
        from f in db.Set<FeaturedPaper>()
        join p in db.Set<Paper>() on f.PaperId equals p.Id
        where f.Day >= sinceDay && !p.Hidden
        select new Recent
        {
            PaperId = p.Id, Day = f.Day, PublishedAt = p.PublishedAt, OrgName = f.OrganizationName, OrgShown = p.Organization, SubmitterUserId = f.SubmitterUserId,
        };

    async Task AddPeopleAsync(List<Follow> follows, DateOnly sinceDay, DateTime since, Dictionary<string, Found> found, CancellationToken ct)
    {
        var people = follows.Where(f => f.Kind == FollowKind.User && f.FollowedUserId is not null).Select(f => f.FollowedUserId!.Value).ToList();
        if (people.Count == 0) return;
        var handles = await db.Set<User>().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Handle ?? $"account {u.Id}", ct);
        var upvoted = await (from r in RecentPapers(sinceDay, since)
                             join u in db.Set<Upvote>() on r.PaperId equals u.PaperId
                             where people.Contains(u.UserId)
                             select new { r, u.UserId }).ToListAsync(ct);
        foreach (var x in upvoted) Add(found, x.r, $"upvoted by @{handles[x.UserId]}");
        var submitted = await RecentFeatured(sinceDay).Where(r => r.SubmitterUserId != null && people.Contains(r.SubmitterUserId.Value)).ToListAsync(ct);
        foreach (var r in submitted) Add(found, r, $"submitted by @{handles[r.SubmitterUserId!.Value]}");
    }

    async Task AddOrgsAsync(List<Follow> follows, DateOnly sinceDay, Dictionary<string, Found> found, CancellationToken ct)
    {
        var orgs = follows.Where(f => f.Kind == FollowKind.Org).Select(f => f.NameKey).ToList();
        if (orgs.Count == 0) return;
        // Organisations come with HF's lists, so only featured papers have one.
        var rows = await RecentFeatured(sinceDay)
            .Where(r => (r.OrgName != null && orgs.Contains(r.OrgName.ToLower())) || (r.OrgShown != null && orgs.Contains(r.OrgShown.ToLower())))
            .ToListAsync(ct);
        foreach (var r in rows) Add(found, r, $"from {r.OrgShown ?? r.OrgName} (org)");
    }

    async Task AddAuthorsAsync(List<Follow> follows, DateOnly sinceDay, DateTime since, Dictionary<string, Found> found, CancellationToken ct)
    {
        var authors = follows.Where(f => f.Kind == FollowKind.Author).Select(f => f.NameKey).ToHashSet(StringComparer.Ordinal);
        if (authors.Count == 0) return;
        var featured = await (from p in db.Set<Paper>()
                              join f in db.Set<FeaturedPaper>() on p.Id equals f.PaperId
                              where f.Day >= sinceDay && !p.Hidden
                              select new { p.Id, p.Authors }).ToListAsync(ct);
        var published = await db.Set<Paper>().Where(p => p.PublishedAt >= since && !p.Hidden)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(MaxPublishedScanned)
            .Select(p => new { p.Id, p.Authors }).ToListAsync(ct);
        var matched = featured.Concat(published)
            .SelectMany(p => p.Authors.Where(a => authors.Contains(FollowStore.KeyOf(a))).Select(a => (p.Id, Author: a)))
            .Distinct().ToList();
        if (matched.Count == 0) return;
        var ids = matched.Select(m => m.Id).Distinct().ToList();
        var rows = (await RecentPapers(sinceDay, since).Where(r => ids.Contains(r.PaperId)).ToListAsync(ct)).ToDictionary(r => r.PaperId);
        foreach (var (id, author) in matched)
            if (rows.TryGetValue(id, out var r)) Add(found, r, $"by {author}");
    }

    static void Add(Dictionary<string, Found> found, Recent r, string reason)
    {
        if (!found.TryGetValue(r.PaperId, out var f))
            found[r.PaperId] = f = new Found(r.PaperId, r.Day ?? DateOnly.FromDateTime(r.PublishedAt), []);
        if (!f.Reasons.Contains(reason)) f.Reasons.Add(reason);
    }

    /// <summary>Set by member initialisation, so that queries can go on filtering by its members.</summary>
    sealed class Recent
    {
        public required string PaperId { get; init; }
        public DateOnly? Day { get; init; }
        public DateTime PublishedAt { get; init; }
        public string? OrgName { get; init; }
        public string? OrgShown { get; init; }
        public long? SubmitterUserId { get; init; }
    }

    sealed record Found(string PaperId, DateOnly Day, List<string> Reasons);
}
