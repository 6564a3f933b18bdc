namespace Paperboy.Digest;

/// <summary>
/// One part of a watch-list query. <see cref="Terms"/> are tokens in order (more than one makes a phrase);
/// for <see cref="WatchField.Category"/> it is the one lower-cased category (<c>cs.lg</c>, or an archive like <c>cs</c>).
/// </summary>
public sealed record WatchClause(WatchField Field, IReadOnlyList<string> Terms, bool Excluded)
{
    /// <summary>Canonical text, the same for every way of writing the same clause (a cache key).</summary>
    public string Key => (Excluded ? "-" : "") + Field switch
    {
        WatchField.Author => "author:",
        WatchField.Category => "cat:",
        _ => "",
    } + (Terms.Count == 1 ? Terms[0] : "\"" + string.Join(' ', Terms) + "\"");
}
