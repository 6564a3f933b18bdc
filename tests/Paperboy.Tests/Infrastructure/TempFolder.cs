namespace Paperboy.Tests.Infrastructure;

/// <summary>A temporary folder for files a test derives from the recorded data (copies, edits, gzip); deleted after.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("paperboy-ingest-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies recorded files in (keeping their names).</summary>
    public TempFolder With(params string[] sources)
    {
        foreach (var s in sources) System.IO.File.Copy(s, File(System.IO.Path.GetFileName(s)), overwrite: true);
        return this;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
