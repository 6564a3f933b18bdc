using System.Text.RegularExpressions;

namespace Paperboy.Domain;

/// <summary>
/// Turns arXiv's title and abstract text into something to read: hard line breaks undone, and the LaTeX people put in
/// (<c>$\alpha$</c>, <c>$\mathcal{O}(n^2)$</c>, <c>\emph{...}</c>) shown as Unicode, <c>&lt;sub&gt;</c> and <c>&lt;sup&gt;</c>.
/// Everything else stays as its source text. Output is built from encoded text only, so the source can never inject markup.
/// </summary>
public static partial class AbstractText
{
    [GeneratedRegex(@"\s*\r?\n\s*")]
    private static partial Regex LineBreaks();

    /// <summary>The text on one line: arXiv's hard line breaks (<c>\n  </c>) become single spaces.</summary>
    public static string Unfold(string? text) => text is null ? "" : LineBreaks().Replace(text, " ").Trim();

    /// <summary>Safe HTML: encoded text with <c>&lt;sub&gt;</c>, <c>&lt;sup&gt;</c> and <c>&lt;em&gt;</c> for the LaTeX that asked for them.</summary>
    public static string ToHtml(string? text) => Render(Unfold(text), html: true);

    /// <summary>Plain text for feeds and mail: the same conversion, sub/superscripts written as <c>_x</c> and <c>^x</c>.</summary>
    public static string ToPlainText(string? text) => Render(Unfold(text), html: false);

    /// <summary>
    /// The first sentence of plain text: up to the first '.', '!' or '?' that is followed by a space and a capital
    /// (so "e.g. the" and "3.5 points" do not end it), at most <paramref name="max"/> characters, cut at a word.
    /// </summary>
    public static string FirstSentence(string text, int max = 300)
    {
        for (var i = 20; i + 2 < text.Length && i < max; i++)
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && char.IsUpper(text[i + 2])) return text[..(i + 1)];
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > 0 ? cut : max)] + "…";
    }

    /// <summary>
    /// Where the inline math opened at <paramref name="open"/> closes, or -1 when that dollar is money ("$5 and $10"):
    /// as in Pandoc, math starts with a non-space and ends with a non-space not followed by a digit.
    /// </summary>
    static int ClosingDollar(string text, int open)
    {
        if (open + 1 >= text.Length || char.IsWhiteSpace(text[open + 1])) return -1;
        for (var close = text.IndexOf('$', open + 1); close > 0; close = text.IndexOf('$', close + 1))
        {
            if (text[close - 1] == '\\') continue;
            var endsWell = !char.IsWhiteSpace(text[close - 1]) && (close + 1 >= text.Length || !char.IsAsciiDigit(text[close + 1]));
            return endsWell ? close : -1;
        }
        return -1;
    }

    static string Render(string text, bool html)
    {
        var output = new LatexWriter(html);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '$')
            {
                var display = i + 1 < text.Length && text[i + 1] == '$';
                var open = display ? 2 : 1;
                var close = display ? text.IndexOf("$$", i + 2, StringComparison.Ordinal) : ClosingDollar(text, i);
                if (close < 0) { output.Text("$"); i++; continue; }
                output.Math(text.AsSpan(i + open, close - i - open));
                i = close + open;
            }
            else if (c == '\\' && i + 1 < text.Length && text[i + 1] == '(' && text.IndexOf("\\)", i + 2, StringComparison.Ordinal) is var end and > 0)
            {
                output.Math(text.AsSpan(i + 2, end - i - 2));
                i = end + 2;
            }
            else i = output.ProseAt(text, i);
        }
        return output.ToString();
    }
}
