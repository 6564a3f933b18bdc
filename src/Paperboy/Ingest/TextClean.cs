using System.Buffers;

namespace Paperboy.Ingest;

/// <summary>
/// Text as arXiv gives it, with its hard line breaks and indentation folded into single spaces; LaTeX untouched. Control
/// characters (U+0000, U+0001, DEL...) are as unwelcome as a line break in a title, and XML (every Atom feed) cannot carry
/// them: they fold like whitespace.
/// </summary>
public static class TextClean
{
    const string Controls = "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f";
    static readonly SearchValues<char> Breaks = SearchValues.Create("\n\r\t\v\f" + Controls);
    static readonly SearchValues<char> Spaces = SearchValues.Create(" \n\r\t\v\f" + Controls);

    /// <summary>Runs of whitespace (and control characters) become one space; leading and trailing ones go. A hot path of every import.</summary>
    public static string Whitespace(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var span = text.AsSpan().Trim().Trim(Controls);
        if (span.IndexOfAny(Breaks) < 0 && span.IndexOf("  ") < 0) return span.Length == text.Length ? text : span.ToString();
        var buffer = span.Length <= 1024 ? stackalloc char[span.Length] : new char[span.Length];
        var n = 0;
        while (!span.IsEmpty)
        {
            var word = span.IndexOfAny(Spaces);
            if (word < 0) word = span.Length;
            span[..word].CopyTo(buffer[n..]);
            n += word;
            span = span[word..];
            var next = span.IndexOfAnyExcept(Spaces);
            span = next < 0 ? default : span[next..];
            if (!span.IsEmpty) buffer[n++] = ' ';
        }
        return new string(buffer[..n]);
    }

    public static string? WhitespaceOrNull(string? text) => Whitespace(text) is { Length: > 0 } s ? s : null;
}
