using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using Paperboy.Search.Meaning;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Search;

/// <summary>Every route of search: the page, its Atom feed, the JSON API, related papers and the index's admin page.</summary>
public static class SearchEndpoints
{
    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapGet("/search", PageAsync).ExcludeFromDescription();
        app.MapGet("/search/feed", FeedAsync).ExcludeFromDescription();
        app.MapGet("/api/papers/search", ApiAsync).WithName("SearchPapers");
        PaperRoutes.Map(app, "GET", "/api/papers/{id}/related", RelatedAsync);
        app.MapGet("/admin/search", AdminAsync).ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> PageAsync(HttpRequest r, PaperSearch search, PaperboyDb db, IMemoryCache cache, CancellationToken ct)
    {
        var form = SearchForm.Read(r);
        if (string.IsNullOrWhiteSpace(form.Q)) return Page(new { Form = form });
        var (request, errors) = form.Validate();
        if (request is null)
            return Page(new { Form = form, Errors = errors.Values.SelectMany(e => e).ToList() }, StatusCodes.Status400BadRequest);
        var papers = await search.SearchAsync(request with { Limit = request.Limit + 1 }, ct);
        var hits = papers.Take(request.Limit).Select(p => new SearchHit(p, Highlighter.Snippet(p.Abstract, request.Query))).ToList();
        var page = request.Offset / request.Limit + 1;
        var notices = await UncategorizedNotice.FindAsync(request.Filters, db, cache, ct) is { } notice ? [.. request.Query.Notices, notice] : request.Query.Notices;
        return Page(new
        {
            Form = form, Sort = request.Sort, Mode = request.Mode, Hits = hits, Notices = notices, Offset = request.Offset,
            FeedUrl = "/search/feed" + QueryWith(r, "page", null),
            NextUrl = papers.Count > request.Limit ? "/search" + QueryWith(r, "page", (page + 1).ToString()) : null,
        });
    }

    static RazorComponentResult<SearchPage> Page(object parameters, int status = 200) => new(parameters) { StatusCode = status };

    static async Task<IResult> FeedAsync(HttpRequest r, PaperSearch search, CancellationToken ct)
    {
        var (request, errors) = SearchForm.Read(r).Validate(defaultLimit: 50);
        if (request is null) return ApiProblems.Invalid(errors);
        // A followed search shows what is new, so the feed is always newest first.
        var papers = await search.SearchAsync(request with { Sort = SearchSort.Newest }, ct);
        var origin = $"{r.Scheme}://{r.Host}";
        var page = origin + "/search" + QueryWith(r, "page", null);
        var updated = papers.Count == 0 ? DateTime.UnixEpoch : papers.Max(LastChange);
        return AtomWriter.Result(new AtomFeed(page, $"Paperboy search: {r.Query["q"]}", updated, page, origin + r.Path + r.QueryString, "Paperboy",
            papers.Select(p => new AtomEntry($"{origin}/papers/{p.Id}", p.Title, $"{origin}/papers/{p.Id}", p.PublishedAt, LastChange(p), p.Authors, p.Abstract)).ToList()));
    }

    static DateTime LastChange(Paper p) => p.UpdatedAt > p.PublishedAt ? p.UpdatedAt : p.PublishedAt;

    static async Task<Results<Ok<List<SearchJson>>, ProblemHttpResult>> ApiAsync(HttpRequest r, PaperSearch search, CancellationToken ct)
    {
        var (request, errors) = SearchForm.Read(r).Validate();
        if (request is null) return ApiProblems.Invalid(errors);
        var papers = await search.SearchAsync(request, ct);
        return TypedResults.Ok(papers.Select(SearchJson.From).ToList());
    }

    static async Task<IResult> RelatedAsync(HttpContext ctx, PaperSearch search, CancellationToken ct)
    {
        var id = PaperRoutes.IdOf(ctx); // a valid arXiv id: PaperRoutes answered the others
        var errors = new Dictionary<string, string[]>();
        var limit = QueryNumber.Read(ctx.Request.Query["limit"], "limit", 1, 50, 10, errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        if (!await search.ExistsAsync(id, ct))
            return ApiProblems.PaperNotFound(id);
        var related = await search.RelatedAsync(id, limit, ct);
        return TypedResults.Ok(related.Select(SearchJson.From).ToList());
    }

    /// <summary>The index's progress page: curators and admins only (a stranger is sent to sign in, a member gets a 403).</summary>
    static async Task<IResult> AdminAsync(HttpContext ctx, EmbeddingBackfill backfill, EmbedderProvider embedders, VectorIndex index, EmbeddingProgress progress, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
        if (!viewer.IsCurator) return Pages.Message(403, "Curators only", "Only curators and admins can see the search index.");
        var (papers, embedded) = await backfill.CountAsync(ct);
        return new RazorComponentResult<SearchAdminPage>(new
        {
            Model = embedders.Model.Name, Papers = papers, Embedded = embedded, InMemory = index.Count, Progress = progress, Index = index.State,
        });
    }

    /// <summary>This request's query string with one parameter replaced (or removed when null).</summary>
    static string QueryWith(HttpRequest r, string key, string? value)
    {
        var pairs = r.Query.Where(kv => kv.Key != key).SelectMany(kv => kv.Value.Select(v => KeyValuePair.Create(kv.Key, v))).ToList();
        if (value is not null) pairs.Add(KeyValuePair.Create(key, (string?)value));
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToString();
    }
}
