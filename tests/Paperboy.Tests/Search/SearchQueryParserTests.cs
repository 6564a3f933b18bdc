using Paperboy.Search;

namespace Paperboy.Tests.Search;

public sealed class SearchQueryParserTests
{
    public static TheoryData<string, string> Queries => new()
    {
        // query → words | phrases | authors | categories | excluded | since..until
        { "diffusion", "diffusion||||||" },
        { "Activation Steering", "Activation,Steering||||||" },
        { "\"dynamic weights\" llm", "llm|dynamic weights|||||" },
        { "author:hinton capsules", "capsules||hinton||||" },
        { "author:\"Geoffrey Hinton\" capsules", "capsules||Geoffrey Hinton||||" },
        { "cat:cs.LG transformers", "transformers|||cs.LG|||" },
        { "transformers -diffusion -\"image generation\"", "transformers||||diffusion,image generation||" },
        { "agents since:2026-01-01", "agents|||||2026-01-01|" },
        { "agents since:2026-02 until:2026-03", "agents|||||2026-02-01|2026-03-31" },
        { "GPT-4 evaluation", "GPT-4,evaluation||||||" },
        { "time series NEAR llm*", "time,series,NEAR,llm||||||" },
        { "^attention (is) all", "attention,is,all||||||" },
        { "'; DROP TABLE papers; --", "DROP,TABLE,papers||||||" },
        { "\"unbalanced quote", "unbalanced,quote||||||" },
        { "autor:hinton", "autor,hinton||||||" },
        { "Approach: we propose", "Approach,we,propose||||||" },
        // A minus before a digit is a negative number in a pasted text, not an exclusion.
        { "accuracy change -0.28 pp", "accuracy,change,0.28,pp||||||" },
    };

    [Theory, MemberData(nameof(Queries))]
    public void AQueryIsReadIntoWordsPhrasesFieldsAndExclusions(string text, string expected)
    {
        var (q, error) = SearchQueryParser.Parse(text);
        Assert.Null(error);
        var actual = string.Join("|", string.Join(",", q!.Words), string.Join(",", q.Phrases), string.Join(",", q.Authors),
            string.Join(",", q.Categories), string.Join(",", q.Excluded), q.Since?.ToString("yyyy-MM-dd"), q.Until?.ToString("yyyy-MM-dd"));
        Assert.Equal(expected, actual);
    }

    public static TheoryData<string?, string> Refused => new()
    {
        { null, "Type some words to search for." },
        { "   ", "Type some words to search for." },
        { "* ^ ()", "Type some words to search for." },
        { "-diffusion", "Add at least one word, \"phrase\" or author: to search for; exclusions (-word), cat:, since: and until: only narrow a search." },
        { "cat:cs.LG since:2026-01-01", "Add at least one word, \"phrase\" or author: to search for; exclusions (-word), cat:, since: and until: only narrow a search." },
        { "agents since:2026-13-45", "since: wants a date such as since:2026-01-01, not '2026-13-45'." },
        { new string('a', 10_240), "The query is 10240 characters long; at most 4096 are searched. Shorten it, for example to the abstract's first paragraph." },
    };

    [Theory, MemberData(nameof(Refused))]
    public void AQueryThatCannotMeanAnythingIsRefusedWithAMessage(string? text, string message)
    {
        var (q, error) = SearchQueryParser.Parse(text);
        Assert.Null(q);
        Assert.Equal(message, error);
    }

    [Fact]
    public void AnUnknownFieldAndAnUnclosedQuoteAreSearchedAsWordsWithANotice()
    {
        Assert.Contains("'autor:' is not a field (use author:, cat:, since: or until:); searched for its words instead.", SearchQueryParser.Parse("autor:hinton").Query!.Notices);
        Assert.Contains("A quote was not closed, so it was ignored.", SearchQueryParser.Parse("\"open quote").Query!.Notices);
    }

    [Fact]
    public void APastedAbstractIsALongQueryEmbeddedWhole()
    {
        var text = "Large language models are increasingly deployed as agents that interact with environments, yet these environments are hand-built and static.";
        var q = SearchQueryParser.Parse(text).Query!;
        Assert.True(q.IsLong);
        Assert.Equal(text.TrimEnd('.').Replace(",", ""), q.MeaningText);
    }
}
