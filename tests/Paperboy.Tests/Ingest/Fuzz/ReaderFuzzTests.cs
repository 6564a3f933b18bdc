using System.Text;
using CsCheck;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>
/// What an operator relies on when an importer meets a damaged source, checked per reader on 1,000 damaged real inputs
/// and 250 sources of good and broken records: it never crashes (only its documented "unreadable source" answer), never
/// hangs, never lets through text a page, a feed or a database cannot carry, and it imports every good record and
/// reports every broken one at its position. A short run with a fixed seed; <c>CsCheck_Seed=...</c> replays the seed
/// CsCheck prints for a failure, and <c>Paperboy.Bench fuzz</c> runs a million inputs per reader.
/// </summary>
public abstract class ReaderFuzzTests<TTarget> where TTarget : ReaderTarget, new()
{
    /// <summary>Seconds one input may take, generous for a loaded 2-core machine: real inputs take milliseconds.</summary>
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    const string FixedSeed = "0004L3hDDOu1";
    const int DamagedInputs = 1_000, MixedSources = 250;

    static readonly TTarget Target = new();

    static string Seed => Check.Seed ?? FixedSeed;

    [Fact]
    public void ADamagedSourceNeverCrashesHangsOrYieldsTextAFeedCannotCarry() =>
        Target.Mutated.Sample(input => AssertClean(ReadWithin(input)), seed: Seed, iter: DamagedInputs, print: Preview);

    [Fact]
    public void AmongBrokenRecordsEveryGoodOneIsImportedAndEveryBrokenOneReportedAtItsPosition() =>
        Target.Mixed.Sample(mixed =>
        {
            var outcome = ReadWithin(mixed.Input);
            Assert.Null(outcome.Unreadable);
            Assert.Equal(mixed.Records.Where(r => !r.IsBroken).Select(r => Key(r.Expected!)), outcome.Records.Select(Key));
            foreach (var broken in mixed.Records.Where(r => r.IsBroken))
                Assert.Single(outcome.Problems, p => Target.IsAt(p, broken.Position));
            Assert.Equal(mixed.Records.Count(r => r.IsBroken), outcome.Problems.Count);
            AssertClean(outcome);
        }, seed: Seed, iter: MixedSources);

    static void AssertClean(ReaderOutcome outcome)
    {
        if (CleanOutput.Violations(outcome) is { Count: > 0 } violations) Assert.Fail(string.Join("\n", violations));
    }

    /// <summary>The reader on its own thread, so that an input that never finishes fails the test instead of stalling the run.</summary>
    static ReaderOutcome ReadWithin(byte[] input)
    {
        var read = Task.Factory.StartNew(() => Target.Read(input), TaskCreationOptions.LongRunning);
        if (!read.Wait(Bound)) throw new TimeoutException($"{Target.Name}: one input took longer than {Bound.TotalSeconds} s");
        return read.Result;
    }

    /// <summary>What the import writes of a record, in words, so that a difference reads as one.</summary>
    static string Key(Paperboy.Ingest.PaperRecord r) =>
        $"{r.Id} v{r.Version} | {r.Title} | {string.Join(", ", r.Authors)} | {string.Join(" ", r.Categories)} | {r.PublishedAt:u} | {r.Abstract.Length} chars";

    static string Preview(byte[] input) =>
        $"{input.Length} bytes: " + string.Concat(Encoding.UTF8.GetString(input[..Math.Min(input.Length, 400)]).Select(c => c < ' ' ? $"\\u{(int)c:x4}" : c.ToString()));
}
