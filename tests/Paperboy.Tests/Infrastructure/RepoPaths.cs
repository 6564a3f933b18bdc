namespace Paperboy.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Paperboy.slnx.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Paperboy.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Could not find Paperboy.slnx above the test binaries.");
    }
}
