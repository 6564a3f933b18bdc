using System.Text.Json;
using Paperboy.Domain;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Domain;

/// <summary>Keywords computed from a paper's own title and abstract, over real recorded papers.</summary>
public class KeyphrasesTests
{
    static readonly JsonElement[] Day = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("hf-daily-papers", "2026-08-21.json")))
        .RootElement.EnumerateArray().Select(e => e.GetProperty("paper")).ToArray();

    static (string Title, string Abstract) Text(JsonElement paper) => (paper.GetProperty("title").GetString()!, paper.GetProperty("summary").GetString()!);

    [Fact]
    public void ThePaperNamesItsOwnMethodsAndTopicsWithTheirCapitals()
    {
        var (title, @abstract) = Text(Day.Single(p => p.GetProperty("id").GetString() == "2608.19880"));

        var keywords = Keyphrases.Of(title, @abstract);

        Assert.Equal(["EnvHarness", "EnvRigger"], keywords.Take(2));
        Assert.Contains("unreliable verifiers", keywords);
        Assert.DoesNotContain(keywords, k => k.StartsWith("targeting") || k.Contains("quickly") || k.Contains("point"));
        Assert.InRange(keywords.Count, 5, Keyphrases.Max);
    }

    [Fact]
    public void EveryPaperOfADayGetsDistinctKeywordsWithNoStopwordAndNoneInsideAnother()
    {
        foreach (var paper in Day)
        {
            var (title, @abstract) = Text(paper);
            var keywords = Keyphrases.Of(title, @abstract);

            Assert.InRange(keywords.Count, 3, Keyphrases.Max);
            Assert.Equal(keywords.Count, keywords.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var k in keywords)
            {
                var words = k.ToLowerInvariant().Split(' ');
                Assert.InRange(words.Length, 1, 3);
                Assert.DoesNotContain(words, w => w is "the" or "a" or "of" or "and" or "we" or "propose" or "novel");
                Assert.DoesNotContain(keywords, other => other != k && $" {other.ToLowerInvariant()} ".Contains($" {k.ToLowerInvariant()} "));
            }
        }
    }

    [Fact]
    public void TheSameTextAlwaysGivesTheSameKeywords()
    {
        var (title, @abstract) = Text(Day[3]);

        Assert.Equal(Keyphrases.Of(title, @abstract), Keyphrases.Of(title, @abstract));
    }

    [Fact]
    public void MathAndLineBreaksAreNotPartOfAKeyword()
    {
        var keywords = Keyphrases.Of("Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies",
            "We compute $\\sigma_{\\gamma\\gamma}$ for diphoton production at\n  the LHC using $\\mathcal{O}(\\alpha_s)$ corrections to diphoton production.");

        Assert.Contains("diphoton production", keywords);
        Assert.Contains("LHC", keywords);
        Assert.DoesNotContain(keywords, k => k.Contains('$') || k.Contains('\\') || k.Contains('\n') || k.Contains("sigma") || k.Contains("mathcal"));
    }

    [Fact]
    public void NoTextGivesNoKeywords()
    {
        Assert.Empty(Keyphrases.Of("", ""));
        Assert.Empty(Keyphrases.Of(null, null));
        Assert.Empty(Keyphrases.Of("The", "We show that it is so."));
    }
}
