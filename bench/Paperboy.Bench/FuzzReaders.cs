using System.Diagnostics;
using CsCheck;
using Paperboy.Tests.Ingest.Fuzz;

namespace Paperboy.Bench;

/// <summary>
/// <c>fuzz [INPUTS] [SEED] [READER]</c>: each importer's reader on INPUTS damaged real inputs (a million by default) from the
/// generators of the suite's fuzz tests (tests/Paperboy.Tests/Ingest/Fuzz, compiled in here), one after another on one
/// thread, so that the slowest input is the reader's own time. Per reader: inputs tried, records returned, problems
/// reported, sources refused as unreadable, exceptions (none expected; the first is shown), breaches of the clean-output
/// rules, the slowest input and the total time. See docs/reliability.md, "Importers fuzzed".
/// </summary>
public static class FuzzReaders
{
    static readonly ReaderTarget[] Targets = [new HfDailyTarget(), new ArxivAtomTarget(), new OaiPmhTarget(), new SnapshotTarget()];

    public static int Run(long inputs, string seed, string? only)
    {
        Console.WriteLine($"{"reader",-16} {"inputs",10} {"records",10} {"problems",10} {"unreadable",10} {"exceptions",10} {"unclean",8} {"slowest ms",10} {"total s",8}");
        var failed = false;
        foreach (var target in Targets.Where(t => only is null || t.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase)))
            failed |= RunOne(target, inputs, seed);
        return failed ? 1 : 0;
    }

    static bool RunOne(ReaderTarget target, long inputs, string seed)
    {
        var pcg = PCG.Parse(seed);
        var gen = target.Mutated;
        long records = 0, problems = 0, unreadable = 0, exceptions = 0, unclean = 0;
        var slowest = TimeSpan.Zero;
        string? firstFailure = null;
        var total = Stopwatch.StartNew();
        var one = new Stopwatch();
        for (long i = 1; i <= inputs; i++)
        {
            var input = gen.Generate(pcg, null, out _);
            one.Restart();
            try
            {
                var outcome = target.Read(input);
                one.Stop();
                records += outcome.Records.Count;
                problems += outcome.Problems.Count;
                if (outcome.Unreadable is not null) unreadable++;
                if (CleanOutput.Violations(outcome) is { Count: > 0 } violations) { unclean++; firstFailure ??= violations[0]; }
            }
            catch (Exception e)
            {
                one.Stop();
                exceptions++;
                firstFailure ??= $"{e.GetType().Name}: {e.Message}";
            }
            if (one.Elapsed > slowest) slowest = one.Elapsed;
            if (i % 100_000 == 0 && i < inputs) Row($"{target.Name} …", i); // so far: a run stopped early still tells its figures
        }
        Row(target.Name, inputs);
        if (firstFailure is not null) Console.WriteLine($"  first failure: {firstFailure}");
        return exceptions + unclean > 0;

        void Row(string name, long tried) => Console.WriteLine(
            $"{name,-16} {tried,10:N0} {records,10:N0} {problems,10:N0} {unreadable,10:N0} {exceptions,10:N0} {unclean,8:N0} {slowest.TotalMilliseconds,10:F1} {total.Elapsed.TotalSeconds,8:F0}");
    }
}
