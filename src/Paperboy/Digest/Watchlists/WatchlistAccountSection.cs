using Paperboy.Community;
using Paperboy.Storage;

namespace Paperboy.Digest.Watchlists;

/// <summary>The digest's part of the account page: the watch-lists of the subscription with the account's email.</summary>
public sealed class WatchlistAccountSection(SubscriptionService subscriptions) : IAccountSection
{
    /// <summary>A watch-list the form could not add, shown again with its error.</summary>
    public sealed record Draft(string? Query, string Error);

    public async Task<AccountSection> RenderAsync(HttpContext context, User user, CancellationToken ct)
    {
        var draft = context.Items[typeof(Draft)] as Draft;
        return new AccountSection(typeof(AccountWatchlists), new Dictionary<string, object?>
        {
            ["Email"] = user.Email,
            ["Subscription"] = await subscriptions.FindByEmailAsync(user.Email, ct),
            ["Query"] = draft?.Query,
            ["Error"] = draft?.Error,
        });
    }
}
