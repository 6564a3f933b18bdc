using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>How each kind of follow is named in addresses (<c>users</c>, <c>orgs</c>, <c>authors</c>) and where its page is.</summary>
public static class FollowPaths
{
    public static string Segment(FollowKind kind) => kind switch
    {
        FollowKind.User => "users",
        FollowKind.Org => "orgs",
        _ => "authors",
    };

    public static FollowKind? KindOf(string? segment) => segment switch
    {
        "users" => FollowKind.User,
        "orgs" => FollowKind.Org,
        "authors" => FollowKind.Author,
        _ => null,
    };

    /// <summary>The page of a person (<c>/u/{handle}</c>), an organisation (<c>/orgs/{name}</c>) or an author (<c>/authors/{name}</c>).</summary>
    public static string Page(FollowKind kind, string name) => kind switch
    {
        FollowKind.User => $"/u/{Uri.EscapeDataString(name)}",
        FollowKind.Org => $"/orgs/{Uri.EscapeDataString(name)}",
        _ => $"/authors/{Uri.EscapeDataString(name)}",
    };

    /// <summary>
    /// A name as a route gave it: ASP.NET decodes every escape in a path segment except <c>%2F</c>, which would otherwise
    /// end the segment; a name with a slash in it ("AT&amp;T/Bell Labs") comes back whole.
    /// </summary>
    public static string NameOf(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the Follow button's form posts.</summary>
    public static string Form(FollowKind kind, string name) => $"/follows/{Segment(kind)}/{Uri.EscapeDataString(name)}";
}
