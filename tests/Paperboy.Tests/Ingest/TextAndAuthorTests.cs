using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;

namespace Paperboy.Tests.Ingest;

public sealed class TextAndAuthorTests
{
    [Theory]
    [InlineData("Calculation of prompt diphoton\n  production", "Calculation of prompt diphoton production")]
    [InlineData("  A fully differential calculation\npresented.\n", "A fully differential calculation presented.")]
    [InlineData("We study $\\alpha$-stable  laws", "We study $\\alpha$-stable laws")]
    [InlineData("already clean", "already clean")]
    [InlineData("", "")]
    [InlineData("No\uFFFEcharacter\uFFFF", "No character")]
    public void ArxivLineBreaksAndIndentationFoldIntoSingleSpaces(string raw, string clean) => Assert.Equal(clean, TextClean.Whitespace(raw));

    [Fact]
    public void AProblemQuotingTheSourceIsOneShortLine()
    {
        var problem = new ImportProblem("line 3", "'Mon, 2 Apr\0\n 2007' is not a date; " + new string('x', 5_000));
        Assert.StartsWith("line 3: 'Mon, 2 Apr 2007' is not a date; xxx", problem.ToString());
        Assert.Equal(300, problem.Reason.Length);
        Assert.EndsWith("x…", problem.Reason);
    }

    [Fact]
    public void AProblemCutShortNeverEndsInHalfACharacter() =>
        Assert.Equal(new string('x', 298) + "…", new ImportProblem("line 1", new string('x', 298) + "𝒪 and more").Reason);

    [Fact]
    public void AnUnreadableSourceNamingALoneSurrogateShowsItAsTheReplacementCharacter() =>
        Assert.Equal("not XML ('\uFFFD', hexadecimal value 0xD800)", new ImportSourceException("not XML ('\uD800', hexadecimal value 0xD800)").Message);

    [Theory]
    [InlineData("Ileana Streinu and Louis Theran", new[] { "Ileana Streinu", "Louis Theran" })]
    [InlineData("A. One, B. Two, and C. Three", new[] { "A. One", "B. Two", "C. Three" })]
    [InlineData("J. Doe (Univ. X, Town), R. Roe", new[] { "J. Doe (Univ. X, Town)", "R. Roe" })]
    [InlineData("Carl Lagoze, Herbert Van de Sompel,\n   Pete Johnston", new[] { "Carl Lagoze", "Herbert Van de Sompel", "Pete Johnston" })]
    public void ArxivAuthorStringsSplitIntoNames(string authors, string[] names) => Assert.Equal(names, ArxivAuthors.Split(authors));
}
