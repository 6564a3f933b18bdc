using System.Buffers;

namespace Paperboy.Ingest;

/// <summary>Text as arXiv gives it, with its hard line breaks and indentation folded into single spaces; LaTeX untouched.</summary>
public static class TextClean
{
    static readonly SearchValues<char> Breaks = SearchValues.Create("\n\r\t\v\f");
    static readonly SearchValues<char> Spaces = SearchValues.Create(" \n\r\t\v\f");

    /// <summary>Runs of whitespace become one space; leading and trailing whitespace go. A hot path of every import.</summary>
    public static string Whitespace(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var span = text.AsSpan().Trim();
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
