using CsCheck;
using Paperboy.Ingest;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>
/// One importer's reader under fuzzing: real records from <c>../shared/data</c> as seeds, how a source is made of some of
/// them, how a record is broken on purpose, how the reader runs on one input the way its import runs it, and how its
/// problems name a record's position. The suite's short run (<c>ReaderFuzzTests</c>) and the bench's million inputs
/// (<c>Paperboy.Bench fuzz</c>) use the same targets and generators.
/// </summary>
public abstract class ReaderTarget
{
    public abstract string Name { get; }

    /// <summary>Real records, each as the bytes it has inside a source (a JSON object, an XML element, a line).</summary>
    protected abstract IReadOnlyList<byte[]> Good { get; }

    /// <summary>A source holding these records in this order.</summary>
    protected abstract byte[] Source(IEnumerable<byte[]> records);

    /// <summary>How many ways <see cref="Break"/> knows to make a record unusable.</summary>
    protected abstract int Breaks { get; }

    /// <summary>The record made unusable (no id, a bad id, no title...) in a way the reader must report, not skip or crash on.</summary>
    protected abstract byte[] Break(byte[] record, int how);

    /// <summary>Damage to the shape of a source fitting its format (<see cref="JsonMutations"/> or <see cref="XmlMutations"/>).</summary>
    protected abstract Gen<byte[]> Structural(Gen<byte[]> sources);

    /// <summary>The reader run on one input as its import runs it; throws only what the import would not catch either.</summary>
    public abstract ReaderOutcome Read(byte[] input);

    /// <summary>Whether the problem names the record at this position (see <see cref="MixedRecord.Position"/>).</summary>
    public abstract bool IsAt(ImportProblem problem, int position);

    /// <summary>Small real sources, one or two records: small enough for a million inputs in minutes.</summary>
    public Gen<byte[]> Seeds => Gen.Int[0, Good.Count - 1].Array[1, 2].Select(picks => Source(picks.Select(i => Good[i])));

    /// <summary>Real sources, most of them damaged in their bytes, their shape, or both.</summary>
    public Gen<byte[]> Mutated => Gen.Frequency(
        (1, Seeds), (6, ByteMutations.Of(Seeds)), (6, Structural(Seeds)), (2, ByteMutations.Of(Structural(Seeds))));

    /// <summary>Sources of one to eight real records, about half of them broken on purpose.</summary>
    public Gen<MixedInput> Mixed => Gen.Select(Gen.Int[0, Good.Count - 1], Gen.Bool, Gen.Int[0, 1000])
        .Array[1, 8].Select(slots => Build([.. slots.Select(s => (s.Item1, s.Item2 ? (int?)(s.Item3 % Breaks) : null, s.Item3))]));

    MixedInput Build((int Record, int? Break, int Noise)[] slots)
    {
        var records = slots.Select(s => s.Break is { } how ? Break(Good[s.Record], how) : Good[s.Record]).ToList();
        var (input, positions) = Place(records, slots[0].Noise);
        return new MixedInput(input, [.. slots.Select((s, i) => new MixedRecord(positions[i], s.Break is null ? Alone(s.Record) : null))]);
    }

    /// <summary>The source of these records and the position of each; JSON lines adds blank lines and CRLFs, shifting line numbers.</summary>
    protected virtual (byte[] Input, int[] Positions) Place(IReadOnlyList<byte[]> records, int noise) =>
        (Source(records), [.. Enumerable.Range(1, records.Count)]);

    readonly Dictionary<int, PaperRecord> _alone = [];

    /// <summary>What the reader gives for the good record alone in a source.</summary>
    PaperRecord Alone(int record)
    {
        lock (_alone)
            if (_alone.TryGetValue(record, out var known)) return known;
        var outcome = Read(Source([Good[record]]));
        var paper = outcome.Records.Count == 1 ? outcome.Records[0]
            : throw new InvalidOperationException($"{Name}: seed record {record} alone gave {outcome.Records.Count} records ({outcome.Unreadable ?? string.Join("; ", outcome.Problems)})");
        lock (_alone) _alone[record] = paper;
        return paper;
    }
}
