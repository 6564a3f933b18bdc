using Paperboy.Community;
using Paperboy.Storage;

namespace Paperboy.Discovery;

/// <summary>Discovery's part of the account page: the private "For you" feed link.</summary>
public sealed class ForYouAccountSection(FeedSecretStore secrets) : IAccountSection
{
    /// <summary>The link just made, to show once (put in <see cref="HttpContext.Items"/> by the form's handler).</summary>
    public sealed record NewLink(string Url);

    public async Task<AccountSection> RenderAsync(HttpContext context, User user, CancellationToken ct) =>
        new(typeof(ForYouFeedSection), new Dictionary<string, object?>
        {
            ["HasLink"] = await secrets.ExistsAsync(user.Id, ct),
            ["NewLink"] = (context.Items[typeof(NewLink)] as NewLink)?.Url,
        });
}
