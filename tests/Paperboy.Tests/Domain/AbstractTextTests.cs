using Paperboy.Domain;

namespace Paperboy.Tests.Domain;

public sealed class AbstractTextTests
{
    [Theory]
    [InlineData("We study\n  transformers, and\n  more.", "We study transformers, and more.")]
    [InlineData("Rate $\\alpha$ and $\\beta_1$", "Rate α and β<sub>1</sub>")]
    [InlineData("cost $\\mathcal{O}(n^2)$", "cost 𝒪(n<sup>2</sup>)")]
    [InlineData("in $\\mathbb{R}^{d \\times k}$", "in ℝ<sup>d × k</sup>")]
    [InlineData("$x_{i,j}^{(t)}$", "x<sub>i,j</sub><sup>(t)</sup>")]
    [InlineData("$\\frac{1}{2}$ of $\\sqrt{n}$", "1/2 of √n")]
    [InlineData("$\\mathbf{W}$ and $\\text{softmax}(x)$", "W and softmax(x)")]
    [InlineData("up to 10\\% and $\\leq 5$", "up to 10% and ≤ 5")]
    [InlineData("an \\emph{open} problem", "an <em>open</em> problem")]
    [InlineData("``quoted''", "“quoted”")]
    [InlineData("$\\unknowncommand{x}{y} + 1$", "\\unknowncommand{x}{y} + 1")]
    [InlineData("costs $5 and more", "costs $5 and more")]
    [InlineData("costs $5 and $10 more", "costs $5 and $10 more")]
    [InlineData("from $3 to $\\alpha$", "from $3 to α")]
    [InlineData("$$E = mc^2$$", "E = mc<sup>2</sup>")]
    [InlineData("\\(a_b\\)", "a<sub>b</sub>")]
    [InlineData("$\\hat$", "\\hat")]
    [InlineData("$x^$", "x<sup></sup>")]
    [InlineData("$\\frac{a}$", "a/")]
    [InlineData("$\\", "$\\")]
    public void LatexIsShownAsUnicodeSubscriptsAndSuperscripts(string source, string html) =>
        Assert.Equal(html, AbstractText.ToHtml(source));

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("$<img src=x onerror=alert(1)>$", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("\\emph{<b>\"x\"</b>}", "<em>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</em>")]
    [InlineData("$\\mathcal{<A>}$", "&lt;𝒜&gt;")]
    public void MarkupInTheSourceIsAlwaysEncoded(string source, string html) =>
        Assert.Equal(html, AbstractText.ToHtml(source));

    [Theory]
    [InlineData("Rate $\\alpha_t^{2}$\n  <ok>", "Rate α_t^2 <ok>")]
    [InlineData("\\emph{open}", "open")]
    public void PlainTextKeepsScriptsReadableWithoutMarkup(string source, string text) =>
        Assert.Equal(text, AbstractText.ToPlainText(source));

    [Fact]
    public void EveryRecordedHfAbstractRendersOnOneLineWithoutRawLatexCommands()
    {
        var files = Directory.GetFiles(Infrastructure.SharedData.PathOf("hf-daily-papers"), "2026-0*.json");
        var rendered = 0;
        foreach (var file in files)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var entry in doc.RootElement.EnumerateArray())
            {
                var summary = entry.GetProperty("paper").GetProperty("summary").GetString()!;
                var html = AbstractText.ToHtml(summary);
                Assert.DoesNotContain("<script", html);
                Assert.DoesNotContain('\n', html);
                Assert.DoesNotContain("\\alpha", html);
                Assert.DoesNotContain("\\mathcal", html);
                rendered++;
            }
        }
        Assert.True(rendered > 1000, $"only {rendered} abstracts rendered");
    }
}
