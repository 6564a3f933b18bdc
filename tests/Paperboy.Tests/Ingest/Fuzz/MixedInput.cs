using Paperboy.Ingest;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>One source holding good records and records broken on purpose, each at its position in the source.</summary>
public sealed record MixedInput(byte[] Input, IReadOnlyList<MixedRecord> Records)
{
    public override string ToString() =>
        $"{Records.Count} records, broken at [{string.Join(", ", Records.Where(r => r.IsBroken).Select(r => r.Position))}]";
}

/// <param name="Position">Where the reader should say the record is: its index (from 1) or, in JSON lines, its line number.</param>
/// <param name="Expected">What the reader gives for this record alone in a source; null for a broken record.</param>
public readonly record struct MixedRecord(int Position, PaperRecord? Expected)
{
    public bool IsBroken => Expected is null;
}
