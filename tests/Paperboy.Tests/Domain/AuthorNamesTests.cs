using Paperboy.Domain;

namespace Paperboy.Tests.Domain;

public sealed class AuthorNamesTests
{
    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "A" }, "A")]
    [InlineData(new[] { "A", "B", "C", "D" }, "A, B, C, D")]
    [InlineData(new[] { "A", "B", "C", "D", "E" }, "A, B, C et al. (5 authors)")]
    public void ManyAuthorsAreShortenedToTheFirstThree(string[] authors, string shown) =>
        Assert.Equal(shown, AuthorNames.Short(authors));
}
