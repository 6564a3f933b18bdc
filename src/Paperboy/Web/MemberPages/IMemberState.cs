namespace Paperboy.Web;

/// <summary>
/// What a signed-in member's copy of a shared page needs to know about them: which of the page's marked choices are
/// theirs (a vote they cast), and whether to render their page afresh instead (they just changed something the shared
/// page cannot show yet). Implemented by the feature that owns the choices (Community's votes).
/// </summary>
public interface IMemberState
{
    ValueTask<MemberState> GetAsync(long userId, CancellationToken ct);
}

/// <summary>A member's choices (keys as marked by <see cref="MemberPageMarks.Choice"/>), and whether their page must be rendered for them alone now.</summary>
public sealed record MemberState(IReadOnlySet<string> Chosen, bool RenderAfresh);
