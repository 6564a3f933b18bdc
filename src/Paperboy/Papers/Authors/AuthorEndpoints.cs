using Paperboy.Community;
using Paperboy.Storage;
using Paperboy.Web;

namespace Paperboy.Papers.Authors;

/// <summary><c>/authors/{name}</c>: the page an author's name on a paper page links to.</summary>
public static class AuthorEndpoints
{
    public static async Task<IResult> PageAsync(string name, FollowStore follows, CancellationToken ct)
    {
        name = FollowPaths.NameOf(name);
        if (FollowStore.NameProblem(name) is { } problem) return Pages.BadRequest(problem);
        var shown = FollowStore.Shown(name);
        return Pages.Render<AuthorPage>(new { Name = shown, Followers = await follows.CountFollowersAsync(FollowKind.Author, shown, ct) });
    }
}
