using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>
/// Rate-limit policies (ASP.NET's RateLimiter): per person for votes and submissions, per client for sign-in
/// and subscription requests (each sends mail). Limits come from <see cref="RateLimitOptions"/>, read when a partition is first made.
/// </summary>
public static class CommunityRateLimits
{
    public const string Votes = "votes";
    public const string Submissions = "submissions";
    public const string SignInClient = "signin-client";
    /// <summary>Digest subscriptions per client: each mails a confirmation to an address of the client's choosing, like a sign-in link.</summary>
    public const string SubscribeClient = "subscribe-client";

    public static IServiceCollection AddCommunityRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<CommentThrottle>(); // taken by CommentStore, after a comment's checks (see there)
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Votes, ctx => PerPerson(ctx, Votes, x => (x.Votes, x.VotesWindowSeconds)));
            o.AddPolicy(Submissions, ctx => PerPerson(ctx, Submissions, x => (x.Submissions, x.SubmissionsWindowSeconds)));
            o.AddPolicy(SignInClient, ctx => Window(ClientKey(ctx), ctx, x => (x.SignInPerClient, x.SignInWindowSeconds)));
            o.AddPolicy(SubscribeClient, ctx => Window("subscribe:" + ClientKey(ctx), ctx, x => (x.SignInPerClient, x.SignInWindowSeconds)));
            o.OnRejected = (rejected, ct) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                return WriteTooManyAsync(rejected.HttpContext, seconds);
            };
        });
        return services;
    }

    /// <summary>429 with Retry-After: a problem for the API, the message page for a form a person sent.</summary>
    public static IResult TooManyRequests(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Slow down: try again in {retryAfterSeconds} seconds.";
        return context.Request.Path.StartsWithSegments("/api")
            ? ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "Too many requests", detail)
            : Pages.Message(StatusCodes.Status429TooManyRequests, "Too many requests", detail);
    }

    /// <summary><see cref="TooManyRequests"/> for the middleware, which answers without an endpoint result.</summary>
    public static async ValueTask WriteTooManyAsync(HttpContext context, int retryAfterSeconds) =>
        await TooManyRequests(context, retryAfterSeconds).ExecuteAsync(context);

    static RateLimitPartition<string> PerPerson(HttpContext ctx, string policy, Func<RateLimitOptions, (int, int)> pick)
    {
        var key = Viewer.From(ctx) is { } v ? $"{policy}:u{v.Id}" : $"{policy}:{ClientKey(ctx)}";
        return Window(key, ctx, pick);
    }

    static RateLimitPartition<string> Window(string key, HttpContext ctx, Func<RateLimitOptions, (int Limit, int Seconds)> pick)
    {
        var (limit, seconds) = pick(ctx.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit), Window = TimeSpan.FromSeconds(Math.Max(1, seconds)), QueueLimit = 0,
        });
    }

    static string ClientKey(HttpContext ctx) => "ip:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
