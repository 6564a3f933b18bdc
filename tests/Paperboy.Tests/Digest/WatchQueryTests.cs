using Paperboy.Digest;

namespace Paperboy.Tests.Digest;

public class WatchQueryTests
{
    static readonly CandidatePaper[] Papers =
    [
        new("1", "Activation Steering in Large Language Models", "We add steering vectors to activations.", ["Geoffrey E. Hinton", "Ada Lovelace"], ["cs.LG", "cs.CL"]),
        new("2", "Steering Diffusion Models", "Activation patching for diffusion.", ["Grace Hopper"], ["cs.CV"]),
        new("3", "A Survey", "Steering of activation functions.", ["Alan Turing"], ["stat.ML", "cs.LG"]),
        new("4", "GPT-4 Evaluations", "Benchmarks of gpt 4 and diffusion.", ["Hinton Jr."], ["cs.CL"]),
    ];

    [Theory]
    [InlineData("activation steering", "1,2,3")]          // words: all must appear, anywhere
    [InlineData("\"activation steering\"", "1")]          // phrase: in that order, adjacent
    [InlineData("author:Hinton", "1,4")]
    [InlineData("author:\"Geoffrey E. Hinton\"", "1")]
    [InlineData("author:\"Hinton Geoffrey\"", "")]
    [InlineData("cat:cs.LG -diffusion", "1,3")]
    [InlineData("cat:cs", "1,2,3,4")]                     // an archive covers its categories
    [InlineData("cat:CS.cl", "1,4")]
    [InlineData("steering -author:hopper -\"activation functions\"", "1")]
    [InlineData("GPT-4", "4")]                            // punctuation inside a word makes a phrase
    [InlineData("lovelace", "1")]                         // plain words look at authors too
    [InlineData("nothing-here", "")]
    public void AQueryMatchesTheCandidatesItDescribes(string query, string expected)
    {
        var index = new KeywordMatcher().Prepare(Papers);

        var parsed = WatchQuery.TryParse(query, out var error);

        Assert.Null(error);
        Assert.Equal(expected, string.Join(',', index.Match(parsed!).Select(p => p.Id)));
    }

    [Theory]
    [InlineData("", "Type a word")]
    [InlineData("   ", "Type a word")]
    [InlineData("-diffusion", "not only exclusions")]
    [InlineData("author:", "Type a word")]
    public void AQueryWithNothingToLookForIsRefusedWithAReason(string query, string reason)
    {
        Assert.Null(WatchQuery.TryParse(query, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void QueriesThatMeanTheSameShareOneKey()
    {
        Assert.Equal(WatchQuery.TryParse("Steering  activation", out _)!.Key, WatchQuery.TryParse("activation STEERING", out _)!.Key);
        Assert.NotEqual(WatchQuery.TryParse("activation steering", out _)!.Key, WatchQuery.TryParse("\"activation steering\"", out _)!.Key);
    }
}
