namespace Paperboy.Community;

/// <summary>The addresses of collections' pages and feeds.</summary>
public static class CollectionPaths
{
    public static string List(string handle) => $"/u/{handle}/collections";

    public static string Page(string handle, long id) => $"/u/{handle}/collections/{id}";

    public static string Feed(string handle, long id) => $"/u/{handle}/collections/{id}/feed.atom";

    public static string Export(long id, CitationFormat format) => $"/api/collections/{id}/export?format={format.Name}";
}
