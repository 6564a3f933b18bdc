namespace Paperboy.Ingest;

/// <summary>
/// Something a source gave that could not be imported: where (a file, a line, an id) and why, in words. Both are
/// quoted from the source more often than not, so each is kept to one short line (<see cref="TextClean.Line"/>).
/// </summary>
public sealed record ImportProblem(string Where, string Reason)
{
    public string Where { get; init; } = TextClean.Line(Where, 200);
    public string Reason { get; init; } = TextClean.Line(Reason);

    public override string ToString() => $"{Where}: {Reason}";
}
