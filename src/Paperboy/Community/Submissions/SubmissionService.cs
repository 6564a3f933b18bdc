using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paperboy.Domain;
using Paperboy.Ingest;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// A member puts a paper on today's list: the one validator behind the form and the API. Rules: a valid arXiv id,
/// arXiv knows it, its first version is recent enough, and it is not featured yet.
/// </summary>
public sealed class SubmissionService(PaperboyDb db, ArxivLookup arxiv, IOptions<CommunityOptions> options, ILogger<SubmissionService> log)
{
    public async Task<SubmissionResult> SubmitAsync(Viewer submitter, string? input, CancellationToken ct)
    {
        if (!ArxivId.TryParse(input, out var id))
            return SubmissionResult.Refused(400, "Enter an arXiv id (like 2409.01234 or hep-th/9901001) or an arXiv link.");
        if (await FeaturedDayAsync(id.Id, ct) is { } day)
            return SubmissionResult.Refused(409, $"{id.Id} is already on the list of {day:yyyy-MM-dd}.");
        var paper = await db.Set<Paper>().FirstOrDefaultAsync(p => p.Id == id.Id, ct);
        if (paper is null)
        {
            try { paper = await arxiv.FindAsync(id, ct); }
            catch (ImportSourceException e)
            {
                log.LogWarning("arXiv lookup of {PaperId} failed: {Reason}", id.Id, e.Message);
                return SubmissionResult.Refused(502, "arXiv could not be reached to fetch this paper; try again in a few minutes.");
            }
            if (paper is null) return SubmissionResult.Refused(404, $"arXiv has no paper {id.Id}.");
        }
        if (paper.Hidden) return SubmissionResult.Refused(409, $"{id.Id} was hidden by a curator and cannot be submitted.");
        var maxAge = options.Value.SubmissionMaxAgeDays;
        if (paper.PublishedAt < DateTime.UtcNow.AddDays(-maxAge))
            return SubmissionResult.Refused(422,
                $"{id.Id} first appeared on {paper.PublishedAt:yyyy-MM-dd}; only papers whose first version is at most {maxAge} days old can be submitted.");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var placed = await FeatureAsync(paper, today, FeaturedSource.Community, submitter, ct);
        return placed ? SubmissionResult.Featured(paper.Id, today) : SubmissionResult.Refused(409, $"{id.Id} is already on a list.");
    }

    /// <summary>Stores the paper if new and features it on <paramref name="day"/>; false when it is featured already.</summary>
    public async Task<bool> FeatureAsync(Paper paper, DateOnly day, FeaturedSource source, Viewer by, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await FeaturedDayAsync(paper.Id, ct) is not null) return false;
        if (!await db.Set<Paper>().AnyAsync(p => p.Id == paper.Id, ct))
        {
            paper.CreatedAt = now;
            db.Add(paper);
        }
        db.Add(new FeaturedPaper
        {
            PaperId = paper.Id, Day = day, FeaturedAt = now, Source = source,
            SubmittedBy = by.Handle, SubmittedByName = by.Handle, SubmitterUserId = by.Id,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another request featured it first
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    public Task<DateOnly?> FeaturedDayAsync(string paperId, CancellationToken ct) =>
        db.Set<FeaturedPaper>().Where(f => f.PaperId == paperId).Select(f => (DateOnly?)f.Day).FirstOrDefaultAsync(ct);
}
