using System.Collections.Frozen;

namespace Paperboy.Domain;

/// <summary>
/// What <see cref="Keyphrases"/> knows of a word before reading a paper: in how many of 74,728 arXiv cs/eess papers it
/// occurs (title or abstract), and whether it ends a phrase (a <see cref="Stopwords"/> word, or verb-like: mostly followed
/// by "the", "a", "our"...). Built into the program (<c>word-frequencies.txt</c>, written by
/// <c>scripts/word-frequencies.py</c>), with nothing to download or query at run time; one lookup a word, since every
/// import computes keywords. A word not in the table occurs in fewer than 40 papers.
/// </summary>
static class WordFrequencies
{
    const int Rarest = 40;

    /// <param name="Idf">Inverse document frequency, ln(N / df): about 0 for "the", 4.2 for "diffusion", 7.5 for a rare word.</param>
    /// <param name="EndsPhrase">A stopword or a verb: it is never part of a keyphrase.</param>
    public readonly record struct Facts(double Idf, bool EndsPhrase);

    static readonly (FrozenDictionary<string, Facts> Words, double RareIdf) Table = Load();

    public static Facts Of(string lowerWord) =>
        Table.Words.TryGetValue(lowerWord, out var facts) ? facts : new Facts(Table.RareIdf, false);

    static (FrozenDictionary<string, Facts>, double) Load()
    {
        using var stream = typeof(WordFrequencies).Assembly.GetManifestResourceStream("Paperboy.Domain.word-frequencies.txt")
            ?? throw new InvalidOperationException("The build lost Domain/word-frequencies.txt (an embedded resource).");
        using var reader = new StreamReader(stream);
        double papers = int.Parse(reader.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
        var words = new Dictionary<string, Facts>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(' '); // "word df" or "word df v"
            var df = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            words[fields[0]] = new Facts(Math.Log(papers / df), fields.Length > 2 || Stopwords.All.Contains(fields[0]));
        }
        foreach (var stopword in Stopwords.All) words.TryAdd(stopword, new Facts(0, true));
        return (words.ToFrozenDictionary(StringComparer.Ordinal), Math.Log(papers / (Rarest / 2)));
    }
}
