namespace Paperboy.Community;

// The collections API's request and response bodies, together because each is a line.

public sealed record CollectionRequest(string? Name, bool? Public);

public sealed record CollectionPaperRequest(string? Note, List<string?>? Tags);

public sealed record CollectionPaperResponse(string Id, string Title, IReadOnlyList<string> Authors, string Note, IReadOnlyList<string> Tags, DateTime AddedAt, DateTime UpdatedAt)
{
    public static CollectionPaperResponse From(CollectionItem i) => new(i.Paper.Id, i.Paper.Title, i.Paper.Authors, i.Note, i.Tags, i.AddedAt, i.UpdatedAt);
}

public sealed record CollectionResponse(long Id, string Name, bool Public, string Owner, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<CollectionPaperResponse> Papers)
{
    public static CollectionResponse From(CollectionView v) =>
        new(v.Collection.Id, v.Collection.Name, v.Collection.IsPublic, v.OwnerHandle, v.Collection.CreatedAt, v.Collection.UpdatedAt,
            v.Items.Select(CollectionPaperResponse.From).ToList());
}

public sealed record CollectionSummaryResponse(long Id, string Name, bool Public, int Papers, DateTime UpdatedAt);

public sealed record ImportResponse(IReadOnlyList<string> Added, IReadOnlyList<string> AlreadyThere, IReadOnlyList<ImportSkipped> Unknown);
