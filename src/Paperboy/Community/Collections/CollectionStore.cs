using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Paperboy.Domain;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>
/// Readers' collections. Who may see what is decided here, inside each query: a private collection is its owner's alone,
/// and to anyone else it does not exist (the same answer as an id nobody has). Hidden papers never show.
/// </summary>
public sealed class CollectionStore(PaperboyDb db, SqliteWriteGate gate)
{
    public const int MaxName = 100, MaxNote = 2_000, MaxTags = 20, MaxTag = 40;

    /// <summary>How many collections a reader keeps, and how many papers one holds: enough for a life of reading, not for a flood.</summary>
    public const int MaxCollections = 200, MaxPapers = 10_000;

    /// <summary>What a reader is told when a collection is full.</summary>
    public static string FullProblem => $"A collection holds at most {MaxPapers:N0} papers; start another one.";

    /// <summary>What a reader is told when they have as many collections as one may have.</summary>
    public static string TooManyProblem => $"You have {MaxCollections} collections, the most one may have; delete one first.";

    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name is null ? null : ControlCharacters.Strip(name)) ? "Give the collection a name."
        : name!.Trim().Length > MaxName ? $"A collection's name holds at most {MaxName} characters; this one has {name.Trim().Length}." : null;

    public static string? NoteProblem(string? note) =>
        note is { Length: > MaxNote } ? $"A note holds at most {MaxNote} characters; this one has {note.Length}." : null;

    /// <summary>Tags trimmed, blank ones dropped, repeats once; or what is wrong with them.</summary>
    public static (List<string> Tags, string? Problem) CleanTags(IEnumerable<string?>? tags)
    {
        var clean = (tags ?? []).Select(t => ControlCharacters.Strip(t ?? "").Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (clean.Count > MaxTags) return (clean, $"A paper takes at most {MaxTags} tags; these are {clean.Count}.");
        if (clean.FirstOrDefault(t => t.Length > MaxTag) is { } long_) return (clean, $"A tag holds at most {MaxTag} characters; '{long_[..MaxTag]}…' is longer.");
        return (clean, null);
    }

    /// <summary>
    /// Null when a BibTeX file can be imported, else why not, one message per line: an entry that cannot be read stops the
    /// whole file (nothing half-imported), and so does a file without entries.
    /// </summary>
    public static string[]? ImportProblems(BibtexFile file) =>
        file.Problems.Count > 0 ? ["The BibTeX file has entries that cannot be read; nothing was imported.", .. file.Problems.Select(p => p.ToString())]
        : file.Entries.Count == 0 ? ["Send a BibTeX file (entries like @misc{key, eprint={1706.03762}, ...}); this one has no entries."]
        : null;

    /// <summary>A new, empty collection; or <see cref="CollectionOutcome.NameTaken"/> when its owner already has one of that name, <see cref="CollectionOutcome.Full"/> when they have <see cref="MaxCollections"/>.</summary>
    public async Task<(PaperCollection? Created, CollectionOutcome Outcome)> CreateAsync(long userId, string name, bool isPublic, CancellationToken ct)
    {
        var clean = ControlCharacters.Strip(name).Trim();
        if (await db.Set<PaperCollection>().AnyAsync(c => c.UserId == userId && c.Name == clean, ct)) return (null, CollectionOutcome.NameTaken);
        if (await db.Set<PaperCollection>().CountAsync(c => c.UserId == userId, ct) >= MaxCollections) return (null, CollectionOutcome.Full);
        var now = DateTime.UtcNow;
        var collection = new PaperCollection { UserId = userId, Name = clean, IsPublic = isPublic, CreatedAt = now, UpdatedAt = now };
        using var turn = await gate.EnterAsync(db, ct);
        db.Add(collection);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(collection).State = EntityState.Detached;
            return (null, CollectionOutcome.NameTaken); // the same name, created by a request that ran alongside this one
        }
        return (collection, CollectionOutcome.Done);
    }

    /// <summary>Renames one's own collection and/or makes it public or private (null leaves that as it is).</summary>
    public async Task<CollectionOutcome> ChangeAsync(long userId, long collectionId, string? name, bool? isPublic, CancellationToken ct)
    {
        if (await OwnedAsync(userId, collectionId, ct) is var owned and not CollectionOutcome.Done) return owned;
        var clean = name is null ? null : ControlCharacters.Strip(name).Trim();
        if (clean is not null && await db.Set<PaperCollection>().AnyAsync(c => c.UserId == userId && c.Name == clean && c.Id != collectionId, ct))
            return CollectionOutcome.NameTaken;
        var now = DateTime.UtcNow;
        using var turn = await gate.EnterAsync(db, ct);
        try
        {
            await db.Set<PaperCollection>().Where(c => c.Id == collectionId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Name, c => clean ?? c.Name)
                .SetProperty(c => c.IsPublic, c => isPublic ?? c.IsPublic)
                .SetProperty(c => c.UpdatedAt, now), ct);
        }
        catch (DbException)
        {
            return CollectionOutcome.NameTaken; // renamed to a name another request gave a collection alongside this one
        }
        return CollectionOutcome.Done;
    }

    /// <summary>Deletes one's own collection with its notes and tags (the papers stay on the hub).</summary>
    public async Task<CollectionOutcome> DeleteAsync(long userId, long collectionId, CancellationToken ct)
    {
        if (await OwnedAsync(userId, collectionId, ct) is var owned and not CollectionOutcome.Done) return owned;
        using var turn = await gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<CollectionEntry>().Where(e => e.CollectionId == collectionId).ExecuteDeleteAsync(ct);
        await db.Set<PaperCollection>().Where(c => c.Id == collectionId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return CollectionOutcome.Done;
    }

    /// <summary>The collection if <paramref name="viewerId"/> may see it (it is public, or theirs), with its papers.</summary>
    public async Task<CollectionView?> FindAsync(long id, long? viewerId, CancellationToken ct)
    {
        var found = await (from c in db.Set<PaperCollection>()
                           join u in db.Set<User>() on c.UserId equals u.Id
                           where c.Id == id && (c.IsPublic || c.UserId == viewerId)
                           select new { Collection = c, u.Handle }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var items = await (from e in db.Set<CollectionEntry>()
                           join p in db.Set<Paper>() on e.PaperId equals p.Id
                           where e.CollectionId == id && !p.Hidden
                           orderby e.AddedAt descending, e.PaperId
                           select new CollectionItem(p, e.Note, e.Tags, e.AddedAt, e.UpdatedAt)).ToListAsync(ct);
        return new CollectionView(found.Collection, found.Handle ?? "", items);
    }

    /// <summary>Someone's collections, newest change first: all of them for their owner, the public ones for anyone else.</summary>
    public async Task<List<CollectionSummary>> ListAsync(long ownerId, bool includePrivate, CancellationToken ct)
    {
        var rows = await (from c in db.Set<PaperCollection>()
                          where c.UserId == ownerId && (includePrivate || c.IsPublic)
                          orderby c.UpdatedAt descending, c.Id descending
                          select new CollectionSummary(c.Id, c.Name, c.IsPublic,
                              db.Set<CollectionEntry>().Count(e => e.CollectionId == c.Id && db.Set<Paper>().Any(p => p.Id == e.PaperId && !p.Hidden)),
                              c.UpdatedAt)).ToListAsync(ct);
        return rows;
    }

    /// <summary>Saves a paper into one's own collection, or changes its note and tags there (the same call twice is the same state).</summary>
    public async Task<CollectionOutcome> SaveAsync(long userId, long collectionId, string paperId, string note, IReadOnlyList<string> tags, CancellationToken ct)
    {
        if (await OwnedAsync(userId, collectionId, ct) is var owned and not CollectionOutcome.Done) return owned;
        if (!await db.Set<Paper>().AnyAsync(p => p.Id == paperId && !p.Hidden, ct)) return CollectionOutcome.PaperNotFound;
        if (await PapersAsync(collectionId, ct) >= MaxPapers
            && !await db.Set<CollectionEntry>().AnyAsync(e => e.CollectionId == collectionId && e.PaperId == paperId, ct))
            return CollectionOutcome.Full;
        try
        {
            return await WriteEntryAsync(collectionId, paperId, note, tags, ct);
        }
        catch (DbUpdateException)
        {
            // The same paper saved by a request alongside this one (PostgreSQL has no write gate): it exists now, so update it.
            db.ChangeTracker.Clear();
            return await WriteEntryAsync(collectionId, paperId, note, tags, ct);
        }
    }

    async Task<CollectionOutcome> WriteEntryAsync(long collectionId, string paperId, string note, IReadOnlyList<string> tags, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var clean = ControlCharacters.Strip(note).Trim();
        using var turn = await gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Queries do not track by default (StorageSetup): this one must, so that saving writes the changes.
        var entry = await db.Set<CollectionEntry>().AsTracking().FirstOrDefaultAsync(e => e.CollectionId == collectionId && e.PaperId == paperId, ct);
        var added = entry is null;
        if (entry is null) db.Add(entry = new CollectionEntry { CollectionId = collectionId, PaperId = paperId, AddedAt = now });
        entry.Note = clean;
        entry.Tags = [.. tags];
        entry.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await TouchAsync(collectionId, now, ct);
        await tx.CommitAsync(ct);
        db.Entry(entry).State = EntityState.Detached;
        return added ? CollectionOutcome.Added : CollectionOutcome.Done;
    }

    /// <summary>Takes a paper out of one's own collection.</summary>
    public async Task<CollectionOutcome> RemoveAsync(long userId, long collectionId, string paperId, CancellationToken ct)
    {
        if (await OwnedAsync(userId, collectionId, ct) is var owned and not CollectionOutcome.Done) return owned;
        using var turn = await gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Set<CollectionEntry>().Where(e => e.CollectionId == collectionId && e.PaperId == paperId).ExecuteDeleteAsync(ct);
        if (removed > 0) await TouchAsync(collectionId, DateTime.UtcNow, ct);
        await tx.CommitAsync(ct);
        return removed > 0 ? CollectionOutcome.Done : CollectionOutcome.NotInCollection;
    }

    /// <summary>
    /// Adds the papers a BibTeX file cites, in one transaction. Entries that name no arXiv paper, or one this hub does not
    /// have, are reported and skipped; papers already in the collection keep their note and tags.
    /// </summary>
    public async Task<ImportResult> ImportAsync(long userId, long collectionId, IReadOnlyList<BibtexEntry> entries, CancellationToken ct)
    {
        if (await OwnedAsync(userId, collectionId, ct) is var owned and not CollectionOutcome.Done) return new ImportResult(owned, [], [], []);
        try
        {
            return await AddEntriesAsync(collectionId, entries, ct);
        }
        catch (DbUpdateException)
        {
            // A paper of the file saved alongside this import: read what is there again and add the rest.
            db.ChangeTracker.Clear();
            return await AddEntriesAsync(collectionId, entries, ct);
        }
    }

    async Task<ImportResult> AddEntriesAsync(long collectionId, IReadOnlyList<BibtexEntry> entries, CancellationToken ct)
    {
        var wanted = entries.Select(e => (Entry: e, Id: BibtexArxivId.Find(e))).ToList();
        var ids = wanted.Where(w => w.Id is not null).Select(w => w.Id!).Distinct().ToList();
        var known = (await db.Set<Paper>().Where(p => ids.Contains(p.Id) && !p.Hidden).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var present = (await db.Set<CollectionEntry>().Where(e => e.CollectionId == collectionId && ids.Contains(e.PaperId)).Select(e => e.PaperId).ToListAsync(ct)).ToHashSet();
        var added = new List<string>();
        var already = new List<string>();
        var unknown = new List<ImportSkipped>();
        var now = DateTime.UtcNow;
        foreach (var (entry, id) in wanted)
        {
            if (id is null) unknown.Add(new ImportSkipped(entry.Key, entry.Line, "This entry names no arXiv paper (no eprint, arXiv URL or arXiv DOI)."));
            else if (!known.Contains(id)) unknown.Add(new ImportSkipped(entry.Key, entry.Line, $"arXiv paper {id} is not on this hub."));
            else if (present.Contains(id) || added.Contains(id)) already.Add(id);
            else
            {
                added.Add(id);
                db.Add(new CollectionEntry { CollectionId = collectionId, PaperId = id, AddedAt = now, UpdatedAt = now });
            }
        }
        if (added.Count == 0) return new ImportResult(CollectionOutcome.Done, added, already, unknown);
        if (await PapersAsync(collectionId, ct) + added.Count > MaxPapers)
        {
            db.ChangeTracker.Clear();
            return new ImportResult(CollectionOutcome.Full, [], already, unknown);
        }
        using var turn = await gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await TouchAsync(collectionId, now, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportResult(CollectionOutcome.Done, added, already, unknown);
    }

    /// <summary>Done when the collection is the user's; not found when it is someone else's private one (or none), not yours when public.</summary>
    async Task<CollectionOutcome> OwnedAsync(long userId, long collectionId, CancellationToken ct)
    {
        var c = await db.Set<PaperCollection>().Where(c => c.Id == collectionId).Select(c => new { c.UserId, c.IsPublic }).FirstOrDefaultAsync(ct);
        return c is null || (c.UserId != userId && !c.IsPublic) ? CollectionOutcome.CollectionNotFound
            : c.UserId != userId ? CollectionOutcome.NotYours : CollectionOutcome.Done;
    }

    Task<int> PapersAsync(long collectionId, CancellationToken ct) => db.Set<CollectionEntry>().CountAsync(e => e.CollectionId == collectionId, ct);

    Task TouchAsync(long collectionId, DateTime now, CancellationToken ct) =>
        db.Set<PaperCollection>().Where(c => c.Id == collectionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct);
}
