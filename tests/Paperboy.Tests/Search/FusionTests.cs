using Paperboy.Search;
using Paperboy.Search.Keyword;
using Paperboy.Search.Meaning;

namespace Paperboy.Tests.Search;

/// <summary>How words and meaning are fused (<see cref="PaperSearch.Fuse"/>), on hand-made scores a reader can follow.</summary>
public sealed class FusionTests
{
    [Fact]
    public void APaperBothSidesFindBeatsOneThatOnlyOneSideRanksAlittleHigher()
    {
        KeywordHit[] words = [new("a", 10), new("b", 9.5), new("c", 9)];
        VectorHit[] meaning = [new("c", 0.80f), new("x", 0.79f), new("y", 0.70f)];
        Assert.Equal(["c", "a", "b", "x", "y"], PaperSearch.Fuse(words, meaning, PaperSearch.WordsWeight));
    }

    [Fact]
    public void AClearKeywordHitComesFirstWhateverMeaningPrefers()
    {
        // A pasted sentence of an abstract: its own paper scores far above the next by bm25.
        KeywordHit[] words = [new("own", 30), new("b", 12), new("c", 11)];
        VectorHit[] meaning = [new("b", 0.81f), new("c", 0.80f), new("own", 0.60f)];
        Assert.Equal("own", PaperSearch.Fuse(words, meaning, PaperSearch.WordsWeight)[0]);
    }

    [Fact]
    public void AClearMeaningHitComesFirstWhenNoWordsHitIsClear()
    {
        // A paraphrase: no paper has its words clearly more than the others, one is clearly closest in meaning.
        KeywordHit[] words = [new("a", 10), new("b", 9.8), new("para", 9.0)];
        VectorHit[] meaning = [new("para", 0.90f), new("a", 0.70f), new("b", 0.69f)];
        Assert.Equal("para", PaperSearch.Fuse(words, meaning, PaperSearch.WordsWeight)[0]);
    }

    [Fact]
    public void PapersListedWithoutARelevanceKeepTheirOrder()
    {
        KeywordHit[] newestFirst = [new("new", double.NaN), new("older", double.NaN), new("oldest", double.NaN)];
        Assert.Equal(["new", "older", "oldest"], PaperSearch.Fuse(newestFirst, [], PaperSearch.WordsWeight));
    }
}
