using System.Globalization;
using Paperboy.Community;
using Paperboy.Domain;
using Paperboy.Papers.Lists;
using Paperboy.Web;

namespace Paperboy.Discovery;

/// <summary>The "For you" page, its "Not interested" form, the private feed and the form that makes its link.</summary>
public static class ForYouEndpoints
{
    public const string FeedLinkPath = "/account/for-you-feed";
    /// <summary>How many papers the page and the feed show.</summary>
    public const int PageSize = 30;

    public static async Task<IResult> PageAsync(HttpContext ctx, Recommender recommender, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
        var since = await recommender.DefaultSinceAsync(ct);
        var items = await recommender.ListAsync(viewer.Id, since, PageSize, ct);
        return Pages.Render<ForYouPage>(new { Items = items, Since = since }); // buttons read the viewer's votes kept in memory
    }

    /// <summary>"Not interested", from the page: the paper goes, and the page comes back without it.</summary>
    public static async Task<IResult> DismissAsync(HttpContext ctx, Recommender recommender, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
        var paperId = PaperRoutes.IdOf(ctx);
        return await recommender.DismissAsync(viewer.Id, paperId, ct)
            ? Results.Redirect(ForYouPage.Path)
            : Pages.NotFound($"There is no paper {paperId} here.");
    }

    /// <summary>Makes (or replaces) the private feed's secret and shows its link once, on the account page.</summary>
    public static async Task<IResult> FeedLinkAsync(HttpContext ctx, FeedSecretStore secrets, CancellationToken ct)
    {
        if (Viewer.From(ctx) is not { } viewer) return Pages.SignInFirst(ctx);
        var secret = await secrets.ReplaceAsync(viewer.Id, ct);
        ctx.Items[typeof(ForYouAccountSection.NewLink)] = new ForYouAccountSection.NewLink(AtomFeeds.Absolute(ctx.Request, FeedPath(secret)).AbsoluteUri);
        return await AccountEndpoints.AccountPageAsync(ctx, null, null, 200, ct);
    }

    public static string FeedPath(string secret) => $"{ForYouPage.Path}/feed/{secret}";

    /// <summary>The private feed: the reader's recommendations for a feed reader, signed out; a wrong secret is a plain 404.</summary>
    public static async Task<IResult> FeedAsync(string secret, HttpRequest request, FeedSecretStore secrets, Recommender recommender, CancellationToken ct)
    {
        if (await secrets.FindReaderAsync(secret, ct) is not { } userId) return Pages.NotFound("There is no feed at this address.");
        var items = await recommender.ListAsync(userId, null, PageSize, ct);
        var page = AtomFeeds.Absolute(request, ForYouPage.Path).AbsoluteUri;
        var feed = AtomFeeds.Absolute(request, FeedPath(secret)).AbsoluteUri;
        var origin = AtomFeeds.Absolute(request, "").GetLeftPart(UriPartial.Authority);
        var updated = items.Count > 0 ? items.Max(i => i.Paper.UpdatedAt) : DateTime.UnixEpoch;
        return AtomWriter.Result(new AtomFeed(feed, "Paperboy: for you", updated, page, feed, "Paperboy", items.Select(i =>
            new AtomEntry($"{origin}/papers/{i.Paper.Id}", AbstractText.ToPlainText(i.Paper.Title), $"{origin}/papers/{i.Paper.Id}", i.Paper.PublishedAt,
                i.Paper.UpdatedAt, i.Paper.Authors.Take(20).ToList(), $"{Capitalised(i.Reason)}. {AbstractText.ToPlainText(i.Paper.Abstract)}")
            {
                Categories = i.Paper.Categories,
                Related = $"https://arxiv.org/abs/{i.Paper.Id}",
            }).ToList()));
    }

    static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];
}
