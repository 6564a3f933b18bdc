using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>One follow in the API: <c>kind</c> is <c>user</c>, <c>org</c> or <c>author</c>; <c>url</c> is its page here.</summary>
public sealed record FollowResponse(string Kind, string Name, string Url, DateTime Since)
{
    public static FollowResponse From(FollowView f) => new(KindName(f.Kind), f.Name, FollowPaths.Page(f.Kind, f.Name), f.Since);

    static string KindName(FollowKind kind) => kind switch
    {
        FollowKind.User => "user",
        FollowKind.Org => "org",
        _ => "author",
    };
}
