using Microsoft.Extensions.Options;

namespace Paperboy.Community;

/// <summary>Trending, people's pages and their upvote feeds, and the About page with the trending formula.</summary>
public static class PeopleEndpoints
{
    public static void MapPeople(this WebApplication app)
    {
        app.MapGet("/papers/trending", async (HttpContext ctx, TrendingRanker trending, UpvoteStore upvotes, IOptions<CommunityOptions> options, CancellationToken ct) =>
        {
            var entries = await trending.ListAsync(0, 50, ct);
            var voted = Viewer.From(ctx) is { } v ? await upvotes.VotedAmongAsync(v.Id, entries.Select(e => e.Paper.Id).ToList(), ct) : [];
            return Pages.Render<TrendingPage>(new { Entries = entries, Voted = voted, HalfLifeHours = options.Value.TrendingHalfLifeHours });
        }).CacheOutput(Paperboy.Feed.FeedSetup.CachePolicy); // scores decay slowly: a few seconds' cache is invisible, a vote still shows at once
        app.MapGet("/u/{handle}", async Task<IResult> (string handle, ProfileQueries profiles, CancellationToken ct) =>
            await profiles.FindAsync(handle, 30, ct) is { } profile
                ? Pages.Render<ProfilePage>(new { Profile = profile })
                : Pages.Message(404, "No such person", $"Nobody here goes by '{handle}'."));
        app.MapGet("/u/{handle}/upvotes.atom", async (HttpContext ctx, string handle, UserStore users, ProfileQueries profiles, CancellationToken ct) =>
        {
            if (await users.FindByHandleAsync(handle, ct) is not { } user) return Results.NotFound();
            var items = await profiles.UpvotedAsync(user.Id, 50, ct);
            var baseUrl = $"{ctx.Request.Scheme}://{ctx.Request.Host}";
            return Results.Text(UpvoteFeed.Write(handle, items, baseUrl), "application/atom+xml; charset=utf-8");
        });
        app.MapGet("/about", (IOptions<CommunityOptions> options) =>
            Pages.Render<AboutPage>(new { HalfLifeHours = options.Value.TrendingHalfLifeHours, WindowDays = options.Value.TrendingWindowDays }));
    }
}
