using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Cli;

/// <summary><c>paperboy embed</c> and <c>paperboy search query</c> as a person runs them, after an import.</summary>
public sealed class SearchCliTests
{
    static Task<(int Code, string Out, string Err)> PaperboyAsync(string dataDir, params string[] args) =>
        PaperboyProcess.RunAsync(new Dictionary<string, string?> { ["Paperboy:DataDir"] = dataDir }, args);

    [Fact]
    public async Task EmbedComputesTheMissingVectorsAndASearchByMeaningFindsThePaper()
    {
        using var data = new TempFolder();
        Assert.Equal(0, (await PaperboyAsync(data.Path, "import", "hf-daily", SharedData.PathOf("hf-daily-papers", "2026-08-21.json"))).Code);

        var (code, output, error) = await PaperboyAsync(data.Path, "embed");
        Assert.True(code == 0, error);
        Assert.StartsWith("0 of 17 papers have vectors (arctic-xs)\n", output);
        Assert.Matches(@"\nembedded 17 papers in \d+ s\n$", output);

        (code, output, error) = await PaperboyAsync(data.Path, "search", "query", "transcribing spoken words");
        Assert.True(code == 0, error);
        Assert.StartsWith("2608.19936\tTowards Quantifying Benchmark Optimization in ASR Models\n", output);

        (code, output, error) = await PaperboyAsync(data.Path, "search", "query", "--mode", "keyword", "transcribing spoken words");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("2608.19936", output);

        (code, _, error) = await PaperboyAsync(data.Path, "search", "query", "--mode", "fuzzy", "transcribing spoken words");
        Assert.Equal(2, code);
        Assert.Equal("error: --mode must be hybrid, keyword or meaning, not 'fuzzy'.", error.Trim());

        (code, _, error) = await PaperboyAsync(data.Path, "search", "query", "-everything");
        Assert.Equal(2, code);
        Assert.Equal("error: Add at least one word, \"phrase\" or author: to search for; exclusions (-word), cat:, since: and until: only narrow a search.", error.Trim());
    }
}
