using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Cli;

/// <summary><c>paperboy import ...</c> as a person runs it: a separate process, its output and exit code.</summary>
public sealed class ImportCliTests
{
    static Dictionary<string, string?> Settings(string dataDir) => new()
    {
        ["Paperboy:DataDir"] = dataDir,
        ["Paperboy:Sources:HfDaily:BaseUrl"] = "http://127.0.0.1:9",
    };

    static Task<(int Code, string Out, string Err)> PaperboyAsync(string dataDir, params string[] args) =>
        PaperboyProcess.RunAsync(Settings(dataDir), args);

    [Fact]
    public async Task HelpListsTheVerbsAndExitsInsteadOfServing()
    {
        using var data = new TempFolder();
        // A server would never exit: the run is killed and the test fails if it has not ended in 90 s.
        var (code, output, _) = await PaperboyProcess.RunAsync(Settings(data.Path), TimeSpan.FromSeconds(90), "--help");

        Assert.Equal(0, code);
        Assert.Contains("import", output);
        Assert.Contains("migrate", output);
    }

    [Fact]
    public async Task ImportingASnapshotEndsWithAOneLineSummary()
    {
        using var data = new TempFolder();
        var (code, output, error) = await PaperboyAsync(data.Path, "import", "snapshot", SharedData.PathOf("arxiv-snapshot", "snapshot-head200.jsonl"));

        Assert.Equal(0, code);
        Assert.Matches(@"^imported snapshot snapshot-head200\.jsonl: 200 new, 0 updated, 0 unchanged, 0 rejected in \d+\.\d s \([\d,]+ papers/s\)\n$", output);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task RejectedHfFilesAreListedByNameAndTheOthersImported()
    {
        using var data = new TempFolder();
        var (code, output, error) = await PaperboyAsync(data.Path, "import", "hf-daily",
            SharedData.PathOf("hf-daily-papers", "2025-01-10.json"), SharedData.PathOf("hf-daily-papers", "2026-08-21.json"));

        Assert.Equal(0, code);
        // Progress lines may come first on a slow machine; the rejection is a line of its own.
        Assert.Contains(error.Split('\n'), line => line.StartsWith("rejected 2025-01-10.json: entries wrapped in an object {status, date, count, data}"));
        Assert.StartsWith("imported hf-daily 2 files: ", output);
        Assert.Contains(" 9 rejected", output);
    }

    [Theory]
    [InlineData("error: --from 2026-02-30 is not a date; use YYYY-MM-DD, e.g. 2026-08-21.", 2, "import", "hf-daily", "--from", "2026-02-30")]
    [InlineData("error: /no/such.jsonl: no such file.", 2, "import", "snapshot", "/no/such.jsonl")]
    [InlineData("error: import hf-daily 2026-08-21 failed: cannot reach http://127.0.0.1:9: Connection refused", 1, "import", "hf-daily", "--from", "2026-08-21")]
    public async Task AProblemIsOneReadableLineAndANonZeroExitCode(string message, int exitCode, params string[] args)
    {
        using var data = new TempFolder();
        var (code, _, error) = await PaperboyAsync(data.Path, args);

        Assert.Equal(exitCode, code);
        Assert.Equal(message, error.Trim());
    }
}
