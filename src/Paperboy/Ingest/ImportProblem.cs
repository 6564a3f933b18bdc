namespace Paperboy.Ingest;

/// <summary>Something a source gave that could not be imported: where (a file, a line, an id) and why, in words.</summary>
public sealed record ImportProblem(string Where, string Reason)
{
    public override string ToString() => $"{Where}: {Reason}";
}
