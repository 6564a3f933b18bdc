using Microsoft.AspNetCore.Mvc;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// Collections' pages under <c>/u/{handle}/collections</c>, the Atom feed of a public one, and the forms that save a paper
/// from its page, start a collection and take a paper out. A private collection is its owner's alone: anyone else,
/// signed in or not, gets the same 404 as for an id nobody has, and its feed is a 404 for everyone (feed readers carry no cookie).
/// </summary>
public static class CollectionPages
{
    public static void MapCollectionPages(this WebApplication app)
    {
        app.MapGet("/u/{handle}/collections", ListAsync);
        app.MapGet("/u/{handle}/collections/{collectionId:long}", ShowAsync);
        app.MapGet("/u/{handle}/collections/{collectionId:long}/feed.atom", FeedAsync);
        var forms = AntiforgeryCheck.FormPosts(app);
        PaperRoutes.Map(forms, "POST", "/papers/{id}/save", SaveAsync);
        forms.MapPost("/collections", CreateAsync);
        PaperRoutes.Map(forms, "POST", "/collections/{collectionId:long}/papers/{id}/remove", RemoveAsync);
        forms.MapPost("/collections/{collectionId:long}/import", ImportAsync);
        forms.MapPost("/collections/{collectionId:long}/settings", ChangeAsync);
        forms.MapPost("/collections/{collectionId:long}/delete", DeleteAsync);
    }

    static async Task<IResult> ListAsync(HttpContext ctx, string handle, UserStore users, CollectionStore store, CancellationToken ct)
    {
        if (await users.FindByHandleAsync(handle, ct) is not { } owner) return Pages.Message(404, "No such person", $"Nobody here goes by '{handle}'.");
        var isOwner = Viewer.From(ctx)?.Id == owner.Id;
        var collections = await store.ListAsync(owner.Id, includePrivate: isOwner, ct);
        return Pages.Render<CollectionListPage>(new { Handle = owner.Handle, Collections = collections, IsOwner = isOwner });
    }

    static async Task<IResult> ShowAsync(HttpContext ctx, string handle, long collectionId, CollectionStore store, CancellationToken ct)
    {
        var viewerId = Viewer.From(ctx)?.Id;
        if (await FindAsync(store, handle, collectionId, viewerId, ct) is not { } view) return NotFound();
        return Pages.Render<CollectionPage>(new { View = view, IsOwner = view.Collection.UserId == viewerId });
    }

    static async Task<IResult> FeedAsync(HttpContext ctx, string handle, long collectionId, CollectionStore store, CancellationToken ct)
    {
        // Only public collections have a feed: a reader's own private one is not served here even with their cookie.
        if (await FindAsync(store, handle, collectionId, null, ct) is not { } view) return Results.NotFound();
        return AtomWriter.Result(CollectionFeed.Of(view, $"{ctx.Request.Scheme}://{ctx.Request.Host}"));
    }

    /// <summary>The collection when it is <paramref name="handle"/>'s and the viewer may see it.</summary>
    static async Task<CollectionView?> FindAsync(CollectionStore store, string handle, long collectionId, long? viewerId, CancellationToken ct) =>
        await store.FindAsync(collectionId, viewerId, ct) is { } view && view.OwnerHandle == handle ? view : null;

    static async Task<IResult> SaveAsync(HttpContext ctx, [FromForm] string? collection, [FromForm] string? name, [FromForm] string? @public,
        [FromForm] string? note, [FromForm] string? tags, CollectionStore store, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { Handle: not null } viewer) return Pages.SignInFirst(ctx);
        var paperId = PaperRoutes.IdOf(ctx);
        if (CollectionStore.NoteProblem(note) is { } noteProblem) return Refused(noteProblem);
        var (tagList, tagProblem) = CollectionStore.CleanTags(tags?.Split(','));
        if (tagProblem is not null) return Refused(tagProblem);
        long collectionId;
        if (string.IsNullOrEmpty(collection))
        {
            if (CollectionStore.NameProblem(name) is { } nameProblem) return Refused(nameProblem);
            var (created, outcome) = await store.CreateAsync(viewer.Id, name!, @public == "true", ct);
            if (created is null)
                return Refused(outcome == CollectionOutcome.Full ? CollectionStore.TooManyProblem : $"You already have a collection named '{name!.Trim()}': choose it in the list.");
            collectionId = created.Id;
        }
        else if (!long.TryParse(collection, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out collectionId))
            return Refused("Choose one of your collections, or a new one.");
        return await store.SaveAsync(viewer.Id, collectionId, paperId, note ?? "", tagList, ct) switch
        {
            CollectionOutcome.Done or CollectionOutcome.Added => Results.Redirect(CollectionPaths.Page(viewer.Handle, collectionId)),
            CollectionOutcome.PaperNotFound => Pages.Message(404, "Paper not found", $"There is no paper '{paperId}' here."),
            CollectionOutcome.Full => Pages.Message(409, "Not saved", CollectionStore.FullProblem),
            _ => NotFound(),
        };
    }

    static async Task<IResult> CreateAsync(HttpContext ctx, [FromForm] string? name, [FromForm] string? @public, CollectionStore store, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { Handle: not null } viewer) return Pages.SignInFirst(ctx);
        if (CollectionStore.NameProblem(name) is { } nameProblem) return Refused(nameProblem);
        var (created, outcome) = await store.CreateAsync(viewer.Id, name!, @public == "true", ct);
        return created is not null ? Results.Redirect(CollectionPaths.Page(viewer.Handle, created.Id))
            : Refused(outcome == CollectionOutcome.Full ? CollectionStore.TooManyProblem : $"You already have a collection named '{name!.Trim()}'.");
    }

    /// <summary>The owner's settings form: the name, and public or private (an unticked box sends nothing: private).</summary>
    static async Task<IResult> ChangeAsync(HttpContext ctx, long collectionId, [FromForm] string? name, [FromForm] string? @public, CollectionStore store, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { Handle: not null } viewer) return Pages.SignInFirst(ctx);
        if (CollectionStore.NameProblem(name) is { } nameProblem) return Refused(nameProblem);
        return await store.ChangeAsync(viewer.Id, collectionId, name, @public == "true", ct) switch
        {
            CollectionOutcome.Done => Results.Redirect(CollectionPaths.Page(viewer.Handle, collectionId)),
            CollectionOutcome.NameTaken => Refused($"You already have a collection named '{name!.Trim()}'."),
            _ => NotFound(),
        };
    }

    static async Task<IResult> DeleteAsync(HttpContext ctx, long collectionId, CollectionStore store, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { Handle: not null } viewer) return Pages.SignInFirst(ctx);
        return await store.DeleteAsync(viewer.Id, collectionId, ct) == CollectionOutcome.Done
            ? Results.Redirect(CollectionPaths.List(viewer.Handle))
            : NotFound();
    }

    static async Task<IResult> RemoveAsync(HttpContext ctx, long collectionId, CollectionStore store, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { Handle: not null } viewer) return Pages.SignInFirst(ctx);
        return await store.RemoveAsync(viewer.Id, collectionId, PaperRoutes.IdOf(ctx), ct) switch
        {
            CollectionOutcome.Done or CollectionOutcome.NotInCollection => Results.Redirect(CollectionPaths.Page(viewer.Handle, collectionId)),
            _ => NotFound(),
        };
    }

    /// <summary>The page's import form: the same checks and the same import as the API, the outcome on the message page.</summary>
    static async Task<IResult> ImportAsync(HttpContext ctx, long collectionId, CollectionStore store, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { Handle: not null } viewer) return Pages.SignInFirst(ctx);
        var back = CollectionPaths.Page(viewer.Handle, collectionId);
        var upload = (await ctx.Request.ReadFormAsync(ct)).Files.GetFile("file");
        if (upload is null || upload.Length == 0) return Pages.Message(400, "Not imported", "Choose a BibTeX file first.", back, "Back to the collection");
        if (upload.Length > CollectionsApi.MaxImportBytes)
            return Pages.Message(413, "Not imported", $"A BibTeX file to import holds at most {CollectionsApi.MaxImportBytes / 1024} KiB; split it.", back, "Back to the collection");
        using var reader = new StreamReader(upload.OpenReadStream());
        var file = BibtexReader.Read(await reader.ReadToEndAsync(ct));
        if (CollectionStore.ImportProblems(file) is { } problems) return Pages.Message(400, "Not imported", string.Join(" ", problems), back, "Back to the collection");
        var result = await store.ImportAsync(viewer.Id, collectionId, file.Entries, ct);
        if (result.Outcome == CollectionOutcome.Full) return Pages.Message(409, "Not imported", CollectionStore.FullProblem, back, "Back to the collection");
        if (result.Outcome != CollectionOutcome.Done) return NotFound();
        var skipped = string.Concat(result.Unknown.Select(u => $" Skipped {u.Key} (line {u.Line}): {u.Reason}"));
        return Pages.Message(200, "Imported", $"Added {Counted.Of(result.Added.Count, "paper")}; {result.AlreadyThere.Count} already there.{skipped}", back, "Back to the collection");
    }

    static IResult Refused(string message) => Pages.Message(400, "Not saved", message);

    static IResult NotFound() => Pages.Message(404, "No such collection", "There is no such collection here, or it is private.");
}
