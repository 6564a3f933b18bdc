namespace Paperboy.Storage;

public static class PaperboyPaths
{
    /// <summary><c>Paperboy:DataDir</c>, default <c>./data</c>.</summary>
    public static string DataDir(IConfiguration config) =>
        Path.GetFullPath(config["Paperboy:DataDir"] is { Length: > 0 } dir ? dir : "data");
}
