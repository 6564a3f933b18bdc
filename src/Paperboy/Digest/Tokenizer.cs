namespace Paperboy.Digest;

/// <summary>Lower-cased runs of letters and digits: <c>"GPT-4o's Attention"</c> → gpt, 4o, s, attention.</summary>
public static class Tokenizer
{
    public static List<string> Tokens(string? text)
    {
        var list = new List<string>();
        if (string.IsNullOrEmpty(text)) return list;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                list.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return list;
    }
}
