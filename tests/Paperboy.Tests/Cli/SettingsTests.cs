using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Cli;

/// <summary>Every settings section is checked when the program starts: a bad value is one line and exit code 2, never a stack trace.</summary>
public class SettingsTests
{
    [Theory]
    [InlineData("Paperboy:Database:Provider", "oracle", "Paperboy:Database:Provider is 'oracle'; use 'sqlite' (the default) or 'postgres'.")]
    [InlineData("Paperboy:Digest:TimeZone", "Mars/Olympus", "Paperboy:Digest:TimeZone is 'Mars/Olympus'; use an IANA time zone like Europe/Paris.")]
    [InlineData("Paperboy:Search:Model", "gpt-9", "Paperboy:Search:Model is 'gpt-9'; use 'arctic-xs' or 'minilm'.")]
    [InlineData("Paperboy:Sources:Arxiv:PageSize", "0", "Paperboy:Sources:Arxiv:PageSize: The field PageSize must be between 1 and 2000.")]
    [InlineData("Paperboy:RateLimits:Votes", "-5", "Paperboy:RateLimits:Votes: The field Votes must be between 1 and 2147483647.")]
    [InlineData("Paperboy:Feed:CacheLifetime", "-00:00:05", "Paperboy:Feed:CacheLifetime: The field CacheLifetime must be between 00:00:00 and 1.00:00:00.")]
    [InlineData("Paperboy:DataProtection:Certificate", "/nonexistent/keys.pfx", "Paperboy:DataProtection:Certificate: cannot use '/nonexistent/keys.pfx' to protect keys: no such file.")]
    public async Task ABadSettingStopsAVerbWithOneLineAndExitCode2(string setting, string value, string message)
    {
        var (code, stdout, stderr) = await PaperboyProcess.RunAsync(Settings(setting, value), "migrate");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {message}", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task ABadSettingStopsTheServerBeforeItListensWithOneLineAndExitCode2()
    {
        var (code, _, stderr) = await PaperboyProcess.RunAsync(Settings("Paperboy:Database:Provider", "oracle"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, code);
        Assert.Equal("error: Paperboy:Database:Provider is 'oracle'; use 'sqlite' (the default) or 'postgres'.", stderr.Trim());
    }

    [Fact]
    public async Task PostgresWithoutAConnectionStringSaysWhichSettingIsMissing()
    {
        var (code, _, stderr) = await PaperboyProcess.RunAsync(Settings("Paperboy:Database:Provider", "postgres"), "migrate");

        Assert.Equal(2, code);
        Assert.Contains("ConnectionStrings:Paperboy is empty", stderr);
    }

    static Dictionary<string, string?> Settings(string setting, string value) => new()
    {
        ["Paperboy:DataDir"] = Directory.CreateTempSubdirectory("paperboy-settings-").FullName,
        [setting] = value,
    };
}
