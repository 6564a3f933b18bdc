using System.Buffers;
using Paperboy.Domain;

namespace Paperboy.Ingest;

/// <summary>
/// Text as arXiv gives it, with its hard line breaks and indentation folded into single spaces; LaTeX untouched. Control
/// characters (U+0000, U+0001, DEL...) are as unwelcome as a line break in a title, and XML (every Atom feed) cannot carry
/// them: they fold like whitespace. So do U+FFFE and U+FFFF, which are no characters at all (JSON lets them through as
/// <c>\uFFFE</c> or as their UTF-8 bytes; XML refuses them).
/// </summary>
public static class TextClean
{
    const string NotText = ControlCharacters.All + "\uFFFE\uFFFF";
    const string SpaceChars = " \n\r\t" + NotText;
    static readonly SearchValues<char> Breaks = SearchValues.Create("\n\r\t" + NotText);
    static readonly SearchValues<char> Spaces = SearchValues.Create(SpaceChars);

    /// <summary>Runs of whitespace (and control characters) become one space; leading and trailing ones go. A hot path of every import.</summary>
    public static string Whitespace(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var span = Edges(text);
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

    /// <summary>The text without whitespace (any kind) and control characters at either end, however they alternate.</summary>
    static ReadOnlySpan<char> Edges(string text)
    {
        var span = text.AsSpan();
        for (var trimmed = span.Trim().Trim(SpaceChars); trimmed.Length != span.Length; trimmed = span.Trim().Trim(SpaceChars))
            span = trimmed;
        return span;
    }

    public static string? WhitespaceOrNull(string? text) => Whitespace(text) is { Length: > 0 } s ? s : null;

    /// <summary>
    /// Text for a message about a source (a problem, an error): one line, cut to <paramref name="max"/> characters. Such
    /// messages quote the source (a bad id, the parser's view of a broken token), and they go to the CLI, the log and the
    /// import run's row, where a NUL or a megabyte-long id does not belong.
    /// </summary>
    public static string Line(string text, int max = 300)
    {
        var line = Whitespace(text);
        // A parser's message names the character it refused, a lone surrogate too (XML's &#xD800;): it shows as U+FFFD.
        if (line.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')) line = string.Concat(line.EnumerateRunes().Select(r => r.ToString()));
        if (line.Length <= max) return line;
        var cut = char.IsHighSurrogate(line[max - 2]) ? max - 2 : max - 1; // never half of a character beyond U+FFFF
        return string.Concat(line.AsSpan(0, cut).TrimEnd(), "…");
    }
}
