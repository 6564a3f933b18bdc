using Paperboy.Web;

namespace Paperboy.Community;

/// <summary>Whether the signed-in person voted for a paper, for the upvote buttons of a page (their votes are kept by <see cref="MemberVotes"/>).</summary>
public sealed class ViewerVotes(MemberVotes votes, IHttpContextAccessor http)
{
    public async Task<bool> HasVotedAsync(string paperId) =>
        Viewer.From(http.HttpContext) is { } viewer
        && (await votes.VotedAsync(viewer.Id, http.HttpContext!.RequestAborted)).Contains(MemberVotes.ChoiceKey(paperId));
}
