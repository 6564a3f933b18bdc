namespace Paperboy.Domain;

/// <summary>One word of a title or abstract, as <see cref="Keyphrases"/> reads it.</summary>
/// <param name="Surface">The word as written (<c>EnvHarness</c>, <c>co-evolution</c>).</param>
/// <param name="Lower">Lower case, the key for counting and for <see cref="WordFrequencies"/>.</param>
/// <param name="Sentence">Which sentence (0: the title, then the abstract's from 1).</param>
/// <param name="Joined">False when punctuation or math comes between this word and the one before: a phrase cannot span it.</param>
/// <param name="SentenceStart">The first word of its sentence, or any word of the title: its capital says nothing.</param>
public readonly record struct KeyphraseToken(string Surface, string Lower, int Sentence, bool Joined, bool SentenceStart);

/// <summary>
/// Splits a title and an abstract into words: runs of letters and digits, hyphens inside a word kept (<c>black-box</c>),
/// inline math (<c>$...$</c>) and LaTeX commands left out and treated, like punctuation, as a break between phrases.
/// </summary>
public static class KeyphraseTokens
{
    public static List<KeyphraseToken> Of(string title, string @abstract)
    {
        var tokens = new List<KeyphraseToken>(256);
        var sentence = 0;
        Scan(title, tokens, ref sentence, isTitle: true);
        sentence = 1;
        Scan(@abstract, tokens, ref sentence, isTitle: false);
        return tokens;
    }

    static void Scan(string text, List<KeyphraseToken> tokens, ref int sentence, bool isTitle)
    {
        var joined = false;
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                // Inner hyphens join words ("black-box"), inner points and commas join digits ("9.0-point", "1,000").
                while (++i < text.Length && (char.IsLetterOrDigit(text[i])
                    || (text[i] == '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                    || (text[i] is '.' or ',' && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1])))) { }
                var surface = text[start..i];
                tokens.Add(new KeyphraseToken(surface, surface.ToLowerInvariant(), sentence, joined, isTitle || sentenceStart));
                joined = true;
                sentenceStart = false;
                continue;
            }
            if (c == '$')
            {
                var close = text.IndexOf('$', i + 1);
                i = close < 0 ? text.Length : close + 1;
                while (i < text.Length && text[i] == '$') i++;
            }
            else if (c == '\\')
            {
                i++;
                while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
            }
            else
            {
                if (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))) { sentence++; sentenceStart = true; }
                i++;
                if (char.IsWhiteSpace(c)) continue; // arXiv's hard line breaks included: they fall mid-sentence
            }
            joined = false;
        }
    }
}
