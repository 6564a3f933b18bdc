namespace Paperboy.Ingest.Arxiv;

/// <summary>Splits arXiv's author strings ("A. One, B. Two (Univ, Town) and C. Three") into names; commas inside parentheses stay.</summary>
public static class ArxivAuthors
{
    public static List<string> Split(string? authors)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(authors)) return names;
        var text = TextClean.Whitespace(authors);
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? ',' : text[i];
            if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && (c == ',' || IsAnd(text, i)))
            {
                Add(names, text[start..i]);
                start = c == ',' ? i + 1 : i + 5;
                if (c != ',') i += 4;
            }
        }
        return names;
    }

    static bool IsAnd(string s, int i) => string.CompareOrdinal(s, i, " and ", 0, 5) == 0;

    static void Add(List<string> names, string name)
    {
        name = name.Trim();
        if (name.StartsWith("and ", StringComparison.Ordinal)) name = name[4..].Trim();
        if (name.Length > 0) names.Add(name);
    }
}
