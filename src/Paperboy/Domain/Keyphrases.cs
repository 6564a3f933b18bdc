namespace Paperboy.Domain;

/// <summary>
/// Keywords of a paper computed from its own title and abstract, for the papers HF never saw (its <c>ai_keywords</c> are
/// preferred when present). As RAKE and YAKE do: the candidates are the 1–3 word runs between stopwords, verbs and
/// punctuation (<see cref="WordFrequencies"/>, <see cref="KeyphraseTokens"/>); each
/// scores by how specific its words are over arXiv (<see cref="WordFrequencies"/>), how often the paper uses it, whether
/// the title has it, how early it comes and whether it is a coined name; the best are taken, skipping one that a taken
/// phrase contains or is contained in. Deterministic, offline, and fast enough for every import (docs/benchmarks.md,
/// "Computed keywords"; how it compares with HF's: docs/hf-compatibility.md).
/// </summary>
public static class Keyphrases
{
    /// <summary>How many a paper gets at most.</summary>
    public const int Max = 8;
    const int Longest = 3;

    /// <summary>What is worked out once for each word of the paper.</summary>
    readonly record struct Word(int Id, bool Ends, double Idf, bool Coined, bool Ing = false);

    sealed class Candidate(int a, int b, int c, int words)
    {
        public readonly int A = a, B = b, C = c, Words = words;
        /// <summary>The occurrence whose spelling is shown: mid-sentence if there is one, else the first.</summary>
        public int Shown = -1;
        public bool ShownIsCasual = true;
        public int Count, FirstSentence = int.MaxValue;
        public bool InTitle;
        public double Score;
        public bool Contains(Candidate o) =>
            o.Words <= Words && (Matches(o, 0) || (Words - o.Words >= 1 && Matches(o, 1)) || (Words - o.Words >= 2 && Matches(o, 2)));
        bool Matches(Candidate o, int at) =>
            At(at) == o.A && (o.Words < 2 || At(at + 1) == o.B) && (o.Words < 3 || At(at + 2) == o.C);
        int At(int i) => i switch { 0 => A, 1 => B, _ => C };
    }

    public static List<string> Of(string? title, string? @abstract, int max = Max)
    {
        var tokens = KeyphraseTokens.Of(title ?? "", @abstract ?? "");
        var words = Words(tokens);
        var candidates = new Dictionary<(int, int, int), Candidate>();
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && tokens[i].Joined && !words[i].Ends) continue;
            AddRun(tokens, words, start, i, candidates);
            start = i < tokens.Count && words[i].Ends ? i + 1 : i;
        }
        var ranked = new List<Candidate>(candidates.Count);
        foreach (var c in candidates.Values)
            if ((c.Score = Score(c, words)) > 0) ranked.Add(c);
        // Ties broken by the first occurrence, so that the same text always gives the same keywords.
        ranked.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Shown.CompareTo(y.Shown));
        var taken = new List<Candidate>(max);
        foreach (var c in ranked)
        {
            if (taken.Count == max) break;
            if (!taken.Exists(t => t.Contains(c) || c.Contains(t))) taken.Add(c);
        }
        return taken.ConvertAll(c => Surface(tokens, c));
    }

    static Word[] Words(List<KeyphraseToken> tokens)
    {
        var ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        var words = new Word[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            // A stopword, a verb, a number ("9.0-point", "2024") or a single letter ends a phrase; "3D" does not.
            if (t.Lower.Length < 2 || !HasLetter(t.Lower) || (char.IsDigit(t.Lower[0]) && t.Lower.Length > 3)) { words[i] = new Word(0, true, 0, false); continue; }
            var facts = WordFrequencies.Of(t.Lower);
            if (facts.EndsPhrase || IsAdverb(t.Lower)) { words[i] = new Word(0, true, 0, false); continue; }
            var singular = Singular(t.Lower);
            if (!ids.TryGetValue(singular, out var id)) ids[singular] = id = ids.Count + 1;
            words[i] = new Word(id, false, facts.Idf, IsCoined(t.Surface), t.Lower.EndsWith("ing", StringComparison.Ordinal));
        }
        return words;
    }

    static void AddRun(List<KeyphraseToken> tokens, Word[] words, int start, int end, Dictionary<(int, int, int), Candidate> candidates)
    {
        for (var s = start; s < end; s++)
            for (var n = 1; n <= Longest && s + n <= end; n++)
            {
                var key = (words[s].Id, n > 1 ? words[s + 1].Id : 0, n > 2 ? words[s + 2].Id : 0);
                if (!candidates.TryGetValue(key, out var c)) candidates[key] = c = new Candidate(key.Item1, key.Item2, key.Item3, n);
                c.Count++;
                c.InTitle |= tokens[s].Sentence == 0;
                c.FirstSentence = Math.Min(c.FirstSentence, tokens[s].Sentence);
                var casual = tokens[s].SentenceStart;
                if (c.Shown < 0 || (c.ShownIsCasual && !casual)) (c.Shown, c.ShownIsCasual) = (s, casual);
            }
    }

    /// <summary>"quickly", "jointly": adverbs are never part of a term (nouns in -ly are few, and kept).</summary>
    static bool IsAdverb(string w) => w.Length >= 6 && w.EndsWith("ly", StringComparison.Ordinal) && !NounsInLy.Contains(w);

    static readonly HashSet<string> NounsInLy = ["anomaly", "assembly", "family", "monopoly", "butterfly", "supply", "italy"];

    static bool HasLetter(string w)
    {
        foreach (var ch in w) if (char.IsLetter(ch)) return true;
        return false;
    }

    /// <summary>Plurals folded for counting ("models" counts as "model"); the overlap report folds HF's keywords the same way.</summary>
    public static string Singular(string w) =>
        w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i') ? w[..^1] : w;

    /// <summary>A name someone made: capitals after the first letter (<c>LLM</c>, <c>EnvHarness</c>, <c>LoRA</c>) or letters with digits (<c>GPT-4</c>).</summary>
    static bool IsCoined(string w)
    {
        bool digit = false, letter = false;
        for (var i = 0; i < w.Length; i++)
        {
            if (i > 0 && char.IsUpper(w[i])) return true;
            digit |= char.IsDigit(w[i]);
            letter |= char.IsLetter(w[i]);
        }
        return digit && letter;
    }

    static double Score(Candidate c, Word[] words)
    {
        double specificity = 0;
        var coined = false;
        for (var k = 0; k < c.Words; k++)
        {
            specificity += words[c.Shown + k].Idf;
            coined |= words[c.Shown + k].Coined;
        }
        specificity /= c.Words;
        // A rare -ing word first is a verb ("targeting diagnosed flaws"); a common one is a noun ("learning rate").
        var first = words[c.Shown];
        if (c.Words > 1 && first.Idf >= 4.0 && first.Ing) return 0;
        // A lone common word ("learning", "data") is not a keyword; a lone coined name or a rare word may be.
        if (c.Words == 1 && !coined && specificity < 4.0) return 0;
        if (specificity < 2.0) return 0;
        var length = c.Words switch { 1 => coined ? 1.0 : 0.7, 2 => 1.5, _ => 1.6 };
        var place = c.InTitle ? 1.4 : 1 + 0.3 / c.FirstSentence;
        return specificity * (1 + Math.Log(c.Count)) * length * place * (coined ? 1.6 : 1);
    }

    /// <summary>
    /// The phrase as written mid-sentence keeps its capitals ("Environment Harness"); at a sentence's start or in a
    /// title-cased title only coined words do ("LLM", "EnvHarness").
    /// </summary>
    static string Surface(List<KeyphraseToken> tokens, Candidate c)
    {
        var parts = new string[c.Words];
        for (var k = 0; k < c.Words; k++)
        {
            var t = tokens[c.Shown + k];
            parts[k] = (c.ShownIsCasual || t.SentenceStart) && !IsCoined(t.Surface) ? t.Lower : t.Surface;
        }
        return string.Join(' ', parts);
    }
}
