namespace Paperboy.Domain;

public static class AuthorNames
{
    /// <summary>Up to four names in full; more become the first three and "et al. (N authors)".</summary>
    public static string Short(IReadOnlyList<string> authors) => authors.Count switch
    {
        0 => "",
        <= 4 => string.Join(", ", authors),
        _ => $"{authors[0]}, {authors[1]}, {authors[2]} et al. ({authors.Count} authors)",
    };
}
