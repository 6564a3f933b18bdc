using Microsoft.AspNetCore.Components;

namespace Paperboy.Web;

/// <summary>
/// How a component marks what differs between members on a page served to members from one rendering
/// (<see cref="MemberPages"/>): while the shared copy renders, <see cref="Rendering"/> is true and the component writes
/// both of its forms, each after a <see cref="Choice"/> mark, then <see cref="ChoiceEnd"/>; each member gets the form
/// their <see cref="MemberState"/> chooses. The member's handle and form token are put in by the server.
/// </summary>
public static class MemberPageMarks
{
    internal const string Flag = "paperboy:member-page";

    /// <summary>Whether this request renders the copy shared by members.</summary>
    public static bool Rendering(HttpContext? context) => context?.Items.ContainsKey(Flag) == true;

    /// <summary>Starts the form shown when the member has (<paramref name="on"/>) or has not chosen <paramref name="key"/>.</summary>
    public static MarkupString Choice(string key, bool on) => new($"<!--pb-choice:{key}:{(on ? 1 : 0)}-->");

    public static MarkupString ChoiceEnd { get; } = new("<!--pb-choice-end-->");
}
