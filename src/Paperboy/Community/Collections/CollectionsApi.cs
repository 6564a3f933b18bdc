using System.Text;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// Every route of the collections API. Writes take a personal API token like the rest of the community API; reads answer
/// anyone a public collection and only its owner (token or cookie) a private one: to anyone else it is a 404, as if absent.
/// </summary>
public static class CollectionsApi
{
    /// <summary>The largest BibTeX file an import reads (a few thousand entries).</summary>
    public const int MaxImportBytes = 1 << 20;

    const string CollectionExample = """{"name": "Reading group", "public": false}""";
    const string PaperExample = """{"note": "Section 4 is the point", "tags": ["attention"]}""";

    public static void MapCollectionsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/collections").WithTags("Collections");
        api.MapPost("", CreateAsync).RequireAuthorization(CommunityApi.Member);
        api.MapGet("", async (HttpContext ctx, CollectionStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.ListAsync(Viewer.From(ctx)!.Id, includePrivate: true, ct))
                .Select(s => new CollectionSummaryResponse(s.Id, s.Name, s.IsPublic, s.Papers, s.UpdatedAt)))).RequireAuthorization(CommunityApi.Member);
        api.MapGet("/{collectionId:long}", async (HttpContext ctx, long collectionId, CollectionStore store, CancellationToken ct) =>
            await store.FindAsync(collectionId, Viewer.From(ctx)?.Id, ct) is { } view ? Results.Ok(CollectionResponse.From(view)) : NotFound(collectionId));
        api.MapPatch("/{collectionId:long}", ChangeAsync).RequireAuthorization(CommunityApi.Member);
        api.MapDelete("/{collectionId:long}", async (HttpContext ctx, long collectionId, CollectionStore store, CancellationToken ct) =>
            await store.DeleteAsync(Viewer.From(ctx)!.Id, collectionId, ct) is var outcome && outcome == CollectionOutcome.Done
                ? Results.NoContent() : Refusal(outcome, collectionId, "")).RequireAuthorization(CommunityApi.Member);
        api.MapGet("/{collectionId:long}/export", ExportAsync);
        PaperRoutes.Map(api, "PUT", "/{collectionId:long}/papers/{id}", SaveAsync, e => e.RequireAuthorization(CommunityApi.Member));
        PaperRoutes.Map(api, "DELETE", "/{collectionId:long}/papers/{id}", async (HttpContext ctx, long collectionId, CollectionStore store, CancellationToken ct) =>
            await store.RemoveAsync(Viewer.From(ctx)!.Id, collectionId, PaperRoutes.IdOf(ctx), ct) switch
            {
                CollectionOutcome.Done => Results.NoContent(),
                var outcome => Refusal(outcome, collectionId, PaperRoutes.IdOf(ctx)),
            }, e => e.RequireAuthorization(CommunityApi.Member));
        api.MapPost("/{collectionId:long}/import", ImportAsync).RequireAuthorization(CommunityApi.Member);
    }

    static async Task<IResult> CreateAsync(HttpContext ctx, CollectionStore store, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CollectionRequest>(ctx.Request, CollectionExample, ct);
        if (problem is not null) return problem;
        if (CollectionStore.NameProblem(body!.Name) is { } nameProblem) return ApiProblems.BadInput("name", nameProblem);
        var viewer = Viewer.From(ctx)!;
        var (created, outcome) = await store.CreateAsync(viewer.Id, body.Name!, body.Public ?? false, ct);
        if (created is null) return outcome == CollectionOutcome.Full ? ApiProblems.Problem(409, "Too many collections", CollectionStore.TooManyProblem) : NameTaken(body.Name!);
        var view = (await store.FindAsync(created.Id, viewer.Id, ct))!;
        return TypedResults.Created($"/api/collections/{created.Id}", CollectionResponse.From(view));
    }

    static async Task<IResult> ChangeAsync(HttpContext ctx, long collectionId, CollectionStore store, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CollectionRequest>(ctx.Request, CollectionExample, ct);
        if (problem is not null) return problem;
        if (body!.Name is not null && CollectionStore.NameProblem(body.Name) is { } nameProblem) return ApiProblems.BadInput("name", nameProblem);
        var viewer = Viewer.From(ctx)!;
        var outcome = await store.ChangeAsync(viewer.Id, collectionId, body.Name, body.Public, ct);
        if (outcome == CollectionOutcome.NameTaken) return NameTaken(body.Name!);
        if (outcome != CollectionOutcome.Done) return Refusal(outcome, collectionId, "");
        return TypedResults.Ok(CollectionResponse.From((await store.FindAsync(collectionId, viewer.Id, ct))!));
    }

    static async Task<IResult> SaveAsync(HttpContext ctx, long collectionId, CollectionStore store, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CollectionPaperRequest>(ctx.Request, PaperExample, ct);
        if (problem is not null) return problem;
        if (CollectionStore.NoteProblem(body!.Note) is { } noteProblem) return ApiProblems.BadInput("note", noteProblem);
        var (tags, tagProblem) = CollectionStore.CleanTags(body.Tags);
        if (tagProblem is not null) return ApiProblems.BadInput("tags", tagProblem);
        var viewer = Viewer.From(ctx)!;
        var paperId = PaperRoutes.IdOf(ctx);
        var outcome = await store.SaveAsync(viewer.Id, collectionId, paperId, body.Note ?? "", tags, ct);
        if (outcome is not (CollectionOutcome.Done or CollectionOutcome.Added)) return Refusal(outcome, collectionId, paperId);
        var item = (await store.FindAsync(collectionId, viewer.Id, ct))!.Items.First(i => i.Paper.Id == paperId);
        var response = CollectionPaperResponse.From(item);
        return outcome == CollectionOutcome.Added ? TypedResults.Created($"/api/collections/{collectionId}", response) : TypedResults.Ok(response);
    }

    static async Task<IResult> ExportAsync(HttpContext ctx, long collectionId, string? format, CollectionStore store, CancellationToken ct)
    {
        if (CitationFormat.Find(format, out var formatProblem) is not { } citation) return ApiProblems.BadInput("format", formatProblem);
        return await store.FindAsync(collectionId, Viewer.From(ctx)?.Id, ct) is { } view
            ? citation.Result(view.Cited, $"collection-{collectionId}")
            : NotFound(collectionId);
    }

    static async Task<IResult> ImportAsync(HttpContext ctx, long collectionId, CollectionStore store, CancellationToken ct)
    {
        var (text, tooLong) = await ReadTextAsync(ctx.Request, ct);
        if (tooLong) return ApiProblems.Problem(413, "Too large", $"A BibTeX file to import holds at most {MaxImportBytes / 1024} KiB; split it.", "body");
        var file = BibtexReader.Read(text);
        if (CollectionStore.ImportProblems(file) is { } problems) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["body"] = problems });
        var result = await store.ImportAsync(Viewer.From(ctx)!.Id, collectionId, file.Entries, ct);
        return result.Outcome == CollectionOutcome.Done
            ? TypedResults.Ok(new ImportResponse(result.Added, result.AlreadyThere, result.Unknown))
            : Refusal(result.Outcome, collectionId, "");
    }

    /// <summary>The body as UTF-8 text, or true for one over <see cref="MaxImportBytes"/>.</summary>
    static async Task<(string Text, bool TooLong)> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxImportBytes) return ("", true);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxImportBytes) return ("", true);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF'), false);
    }

    static IResult NameTaken(string name) => ApiProblems.Problem(409, "Already exists", $"You already have a collection named '{name.Trim()}'.", "name");

    static IResult NotFound(long collectionId) => ApiProblems.NotFound($"There is no collection {collectionId} here, or it is private.");

    static IResult Refusal(CollectionOutcome outcome, long collectionId, string paperId) => outcome switch
    {
        CollectionOutcome.NotYours => ApiProblems.Problem(403, "Forbidden", $"Collection {collectionId} is someone else's."),
        CollectionOutcome.PaperNotFound => ApiProblems.PaperNotFound(paperId),
        CollectionOutcome.NotInCollection => ApiProblems.Problem(404, "Not found", $"Paper {paperId} is not in collection {collectionId}.", "id"),
        CollectionOutcome.Full => ApiProblems.Problem(409, "Collection full", CollectionStore.FullProblem),
        _ => NotFound(collectionId),
    };
}
