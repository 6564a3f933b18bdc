using Paperboy.Domain;

namespace Paperboy.Tests.Domain;

public class ArxivIdTests
{
    [Theory]
    [InlineData("2409.01234", "2409.01234", null)]
    [InlineData("2409.01234v2", "2409.01234", 2)]
    [InlineData("0704.0001", "0704.0001", null)]
    [InlineData("1111.2011v2", "1111.2011", 2)]
    [InlineData("hep-th/9901001", "hep-th/9901001", null)]
    [InlineData("math.GT/0309136", "math.GT/0309136", null)]
    [InlineData("quant-ph/0201082v1", "quant-ph/0201082", 1)]
    [InlineData("astro-ph/0601001", "astro-ph/0601001", null)]
    [InlineData("arXiv:2104.12255v1", "2104.12255", 1)]
    [InlineData("https://arxiv.org/abs/2409.01234v3", "2409.01234", 3)]
    [InlineData("https://arxiv.org/pdf/2409.01234v3.pdf", "2409.01234", 3)]
    [InlineData("https://arxiv.org/pdf/2409.01234", "2409.01234", null)]
    [InlineData("http://export.arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001", 2)]
    [InlineData("https://huggingface.co/papers/2608.19880", "2608.19880", null)]
    [InlineData("  2409.01234 ", "2409.01234", null)]
    public void ParsesEveryFormArxivUses(string text, string id, int? version)
    {
        Assert.True(ArxivId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed.Id);
        Assert.Equal(version, parsed.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0000.0000")]
    [InlineData("2413.01234")]
    [InlineData("2409.1234")]
    [InlineData("1409.01234")]
    [InlineData("2409.01234v0")]
    [InlineData("2409.01234; DROP TABLE papers")]
    [InlineData("https://example.com/abs/2409.01234")]
    public void RejectsWhatIsNotAnArxivId(string text)
    {
        Assert.False(ArxivId.TryParse(text, out _));
        var e = Assert.Throws<FormatException>(() => ArxivId.Parse(text));
        Assert.Contains("is not an arXiv id", e.Message);
    }
}
