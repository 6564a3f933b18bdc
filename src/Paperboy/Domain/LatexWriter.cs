using System.Text;

namespace Paperboy.Domain;

/// <summary>
/// The small LaTeX reader behind <see cref="AbstractText"/>: a recursive descent over math and prose that writes
/// encoded text (HTML or plain). A parser's switch, hence longer than most files.
/// </summary>
internal sealed class LatexWriter(bool html)
{
    readonly StringBuilder _out = new();

    public override string ToString() => _out.ToString();

    public void Text(string s)
    {
        foreach (var c in s) Char(c);
    }

    void Char(char c)
    {
        if (!html) { _out.Append(c); return; }
        _ = c switch
        {
            '&' => _out.Append("&amp;"),
            '<' => _out.Append("&lt;"),
            '>' => _out.Append("&gt;"),
            '"' => _out.Append("&quot;"),
            '\'' => _out.Append("&#39;"),
            _ => _out.Append(c),
        };
    }

    /// <summary>Writes prose starting at <paramref name="i"/> (one token) and returns where the next token starts.</summary>
    public int ProseAt(string text, int i)
    {
        var c = text[i];
        if (c == '`' && At(text, i, "``")) { Char('“'); return i + 2; }
        if (c == '\'' && At(text, i, "''")) { Char('”'); return i + 2; }
        if (c == '-' && At(text, i, "---")) { Char('—'); return i + 3; }
        if (c == '~') { Char(' '); return i + 1; }
        if (c != '\\' || i + 1 >= text.Length) { Char(c); return i + 1; }
        var (name, next) = Command(text.AsSpan(), i);
        if (name.Length == 1 && "%&_$#{}".Contains(name[0])) { Char(name[0]); return next; }
        if (name is "emph" or "textit" or "textbf" or "texttt" or "textsc" or "text" or "url" or "textrm" && ArgumentEnd(text, next) is var end and > 0)
        {
            var inner = text[(next + 1)..(end - 1)];
            var tag = name is "emph" or "textit" ? "em" : name == "textbf" ? "strong" : null;
            if (html && tag is not null) _out.Append('<').Append(tag).Append('>');
            for (var j = 0; j < inner.Length;) j = ProseAt(inner, j);
            if (html && tag is not null) _out.Append("</").Append(tag).Append('>');
            return end;
        }
        if (LatexSymbols.Find(name) is { } symbol) { Text(symbol); return next; }
        Text(text[i..next]);
        return next;
    }

    /// <summary>Writes the inside of <c>$...$</c>.</summary>
    public void Math(ReadOnlySpan<char> math)
    {
        var i = 0;
        MathUntil(math, ref i, stopAtBrace: false);
    }

    void MathUntil(ReadOnlySpan<char> s, ref int i, bool stopAtBrace)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '}' && stopAtBrace) { i++; return; }
            if (c is '^' or '_') { i++; Script(s, ref i, c == '^' ? "sup" : "sub", c); continue; }
            if (c == '{') { i++; MathUntil(s, ref i, stopAtBrace: true); continue; }
            if (c == '\\') { MathCommand(s, ref i); continue; }
            Char(c == '~' ? ' ' : c);
            i++;
        }
    }

    void Script(ReadOnlySpan<char> s, ref int i, string tag, char mark)
    {
        if (html) _out.Append('<').Append(tag).Append('>');
        else _out.Append(mark);
        Argument(s, ref i);
        if (html) _out.Append("</").Append(tag).Append('>');
    }

    /// <summary>One argument: a {group}, a command, or a single character.</summary>
    void Argument(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length && s[i] == ' ') i++;
        if (i >= s.Length) return;
        if (s[i] == '{') { i++; MathUntil(s, ref i, stopAtBrace: true); }
        else if (s[i] == '\\') MathCommand(s, ref i);
        else { Char(s[i]); i++; }
    }

    void MathCommand(ReadOnlySpan<char> s, ref int i)
    {
        var (name, next) = Command(s, i);
        i = next;
        switch (name)
        {
            case "mathcal" or "mathscr" or "mathbb" or "mathfrak" or "mathbf" or "boldsymbol" or "bm" or "mathrm" or "mathit"
                or "mathsf" or "mathtt" or "text" or "textrm" or "textit" or "textbf" or "operatorname" or "mbox":
                FontArgument(s, ref i, name);
                break;
            case "frac" or "dfrac" or "tfrac":
                Argument(s, ref i);
                Char('/');
                Argument(s, ref i);
                break;
            case "sqrt":
                Char('√');
                Argument(s, ref i);
                break;
            case "left" or "right" or "big" or "Big" or "bigg" or "Bigg" or "displaystyle" or "limits" or "nolimits" or "!":
                break;
            case "," or ";" or ":" or " " or "quad" or "qquad":
                Char(' ');
                break;
            default:
                if (name.Length == 1 && !char.IsLetter(name[0])) Char(name[0] == '|' ? '‖' : name[0]);
                else if (LatexSymbols.Find(name) is { } symbol) Text(symbol);
                else Unknown(s, ref i, next - name.Length - 1);
                break;
        }
    }

    /// <summary>A command we do not know stays as its source, with its {arguments}, so it reads as written.</summary>
    void Unknown(ReadOnlySpan<char> s, ref int i, int backslash)
    {
        var end = i;
        while (end < s.Length && s[end] == '{')
        {
            var depth = 0;
            var j = end;
            for (; j < s.Length; j++)
            {
                if (s[j] == '{') depth++;
                else if (s[j] == '}' && --depth == 0) break;
            }
            if (j >= s.Length) break;
            end = j + 1;
        }
        Text(s[backslash..end].ToString());
        i = end;
    }

    void FontArgument(ReadOnlySpan<char> s, ref int i, string font)
    {
        var start = _out.Length;
        Argument(s, ref i);
        if (LatexSymbols.LetterMap(font) is not { } map) return;
        for (var k = start; k < _out.Length; k++)
        {
            var letter = _out[k];
            if (letter is >= 'A' and <= 'Z' && map(letter) is { } styled)
            {
                _out.Remove(k, 1).Insert(k, styled);
                k += styled.Length - 1;
            }
        }
    }

    /// <summary>The name after a backslash: letters, or one other character; and where it ends.</summary>
    static (string Name, int Next) Command(ReadOnlySpan<char> s, int backslash)
    {
        var j = backslash + 1;
        if (j >= s.Length) return ("\\", j);
        if (!char.IsAsciiLetter(s[j])) return (s[j].ToString(), j + 1);
        while (j < s.Length && char.IsAsciiLetter(s[j])) j++;
        var name = s[(backslash + 1)..j].ToString();
        while (j < s.Length && s[j] == ' ' && name.Length > 1 && j + 1 < s.Length && s[j + 1] is '{') j++;
        return (name, j);
    }

    /// <summary>The index after the {group} starting at <paramref name="open"/>, or -1 when there is none.</summary>
    static int ArgumentEnd(string text, int open)
    {
        if (open >= text.Length || text[open] != '{') return -1;
        var depth = 0;
        for (var j = open; j < text.Length; j++)
        {
            if (text[j] == '{') depth++;
            else if (text[j] == '}' && --depth == 0) return j + 1;
        }
        return -1;
    }

    static bool At(string text, int i, string what) => string.CompareOrdinal(text, i, what, 0, what.Length) == 0;
}
