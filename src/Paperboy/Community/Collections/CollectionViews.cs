using Paperboy.Storage;

namespace Paperboy.Community;

// What the collection store answers, together because each is a line.

/// <summary>A collection as a reader may see it: its owner's handle and its papers, newest saved first.</summary>
public sealed record CollectionView(PaperCollection Collection, string OwnerHandle, IReadOnlyList<CollectionItem> Items)
{
    public IReadOnlyList<CitedPaper> Cited => Items.Select(i => new CitedPaper(i.Paper, i.Note, i.Tags)).ToList();

    public string PagePath => CollectionPaths.Page(OwnerHandle, Collection.Id);
}

/// <summary>One saved paper with its owner's note and tags.</summary>
public sealed record CollectionItem(Paper Paper, string Note, IReadOnlyList<string> Tags, DateTime AddedAt, DateTime UpdatedAt);

/// <summary>A collection in a list of someone's collections.</summary>
public sealed record CollectionSummary(long Id, string Name, bool IsPublic, int Papers, DateTime UpdatedAt);

/// <summary>What saving, taking out or importing into a collection came to.</summary>
public enum CollectionOutcome { Done, Added, CollectionNotFound, NotYours, PaperNotFound, NotInCollection, NameTaken, Full }

/// <summary>An entry of an imported BibTeX file that was not saved, and why.</summary>
public sealed record ImportSkipped(string Key, int Line, string Reason);

/// <summary>What an import did: papers added, papers the collection already had (left as they were), entries skipped.</summary>
public sealed record ImportResult(CollectionOutcome Outcome, IReadOnlyList<string> Added, IReadOnlyList<string> AlreadyThere, IReadOnlyList<ImportSkipped> Unknown);
