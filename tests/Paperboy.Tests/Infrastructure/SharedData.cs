namespace Paperboy.Tests.Infrastructure;

/// <summary>The recorded real data in <c>../shared/data/</c> beside the checkout (never copied into the repo).</summary>
public static class SharedData
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    static string Find()
    {
        if (Environment.GetEnvironmentVariable("PAPERBOY_SHARED_DATA") is { Length: > 0 } env) return env;
        var data = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data"));
        return Directory.Exists(data) ? data
            : throw new DirectoryNotFoundException($"Expected the recorded data at {data} (../shared/data beside the checkout).");
    }
}
