using System.Globalization;
using System.Text;
using Paperboy.Domain;

namespace Paperboy.Search.Meaning;

/// <summary>
/// BERT's uncased WordPiece tokenizer (lower-case, accents stripped, punctuation split, greedy longest-match
/// sub-words), read from the model package's vocab.txt. Written here rather than using the package's tokenizer
/// because that one never truncates to the model's window (a pasted 10 KB query would overflow the position
/// embeddings) and builds a Regex per sub-word, which costs more than the model on short texts.
/// </summary>
public sealed class WordPieceTokenizer
{
    const int MaxCharsPerWord = 100;
    readonly Dictionary<string, int> _vocab;
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    public int ClsId { get; }
    public int SepId { get; }
    public int UnkId { get; }

    public WordPieceTokenizer(Stream vocabTxt)
    {
        _vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = new StreamReader(vocabTxt);
        var i = 0;
        while (reader.ReadLine() is { } line) _vocab.TryAdd(line.TrimEnd('\r'), i++);
        _lookup = _vocab.GetAlternateLookup<ReadOnlySpan<char>>();
        ClsId = _vocab["[CLS]"];
        SepId = _vocab["[SEP]"];
        UnkId = _vocab["[UNK]"];
    }

    /// <summary>Token ids of <paramref name="text"/> wrapped in [CLS] … [SEP], at most <paramref name="maxTokens"/> long.</summary>
    public List<int> Encode(string text, int maxTokens)
    {
        var ids = new List<int>(Math.Min(maxTokens, text.Length / 3 + 8)) { ClsId };
        var budget = maxTokens - 1;
        foreach (var word in BasicTokens(text))
        {
            if (!AddWordPieces(word, ids, budget)) break;
        }
        ids.Add(SepId);
        return ids;
    }

    /// <summary>Appends the word's pieces; false once the budget (tokens before [SEP]) is used up.</summary>
    bool AddWordPieces(string word, List<int> ids, int budget)
    {
        if (ids.Count >= budget) return false;
        if (word.Length > MaxCharsPerWord)
        {
            ids.Add(UnkId);
            return true;
        }
        var start = ids.Count;
        Span<char> buffer = stackalloc char[MaxCharsPerWord + 2];
        var pos = 0;
        while (pos < word.Length)
        {
            var end = word.Length;
            var found = -1;
            while (end > pos)
            {
                var piece = buffer;
                var len = 0;
                if (pos > 0) { piece[0] = '#'; piece[1] = '#'; len = 2; }
                word.AsSpan(pos, end - pos).CopyTo(piece[len..]);
                len += end - pos;
                if (_lookup.TryGetValue(piece[..len], out var id)) { found = id; break; }
                end--;
            }
            if (found < 0)
            {
                ids.RemoveRange(start, ids.Count - start);
                ids.Add(UnkId);
                return true;
            }
            ids.Add(found);
            pos = end;
        }
        if (ids.Count > budget) ids.RemoveRange(budget, ids.Count - budget);
        return true;
    }

    /// <summary>BERT's basic tokenizer: clean, lower-case, strip accents, split on whitespace, punctuation and CJK.</summary>
    static IEnumerable<string> BasicTokens(string text)
    {
        // Accents by table: with invariant globalization string.Normalize leaves "café" as it is. Combining marks that
        // come apart in the text are dropped below.
        var normalized = Accents.Strip(text.ToLowerInvariant());
        var current = new StringBuilder();
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value == 0 || rune.Value == 0xFFFD || category == UnicodeCategory.NonSpacingMark) continue;
            if (Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune)) continue;
            if (Rune.IsWhiteSpace(rune))
            {
                if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
                continue;
            }
            if (IsPunctuation(rune, category) || IsCjk(rune.Value))
            {
                if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
                yield return rune.ToString();
                continue;
            }
            current.Append(rune.ToString());
        }
        if (current.Length > 0) yield return current.ToString();
    }

    static bool IsPunctuation(Rune rune, UnicodeCategory category)
    {
        var cp = rune.Value;
        if (cp is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126) return true;
        return category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    static bool IsCjk(int cp) =>
        cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF or >= 0x2A700 and <= 0x2B73F
            or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
}
