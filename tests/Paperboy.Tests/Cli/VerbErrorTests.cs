using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Cli;

/// <summary>A verb or option the program does not know, or a value it cannot take: one line and exit code 2.</summary>
public class VerbErrorTests
{
    [Theory]
    [InlineData("error: unknown verb or option 'bogusverb' (see paperboy --help)", "bogusverb")]
    [InlineData("error: unknown verb or option '--colour' (see paperboy --help)", "import", "snapshot", "x.jsonl", "--colour")]
    [InlineData("error: Argument 'hourly' not recognized. Must be one of:\n\t'daily'\n\t'weekly' (see paperboy --help)", "digest", "send", "--frequency", "hourly")]
    [InlineData("error: --date 0001-01-01 is out of range; give a day from 1991-01-01 on.", "digest", "send", "--date", "0001-01-01", "--dry-run")]
    [InlineData("error: --date '2026-02-30' is not a day like 2026-08-24.", "digest", "send", "--date", "2026-02-30", "--dry-run")]
    public async Task ABadArgumentIsOneErrorAndExitCode2(string message, params string[] args)
    {
        var (code, stdout, stderr) = await PaperboyProcess.RunAsync(
            new Dictionary<string, string?> { ["Paperboy:DataDir"] = Directory.CreateTempSubdirectory("paperboy-verbs-").FullName }, args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(message, stderr.Trim());
    }
}
