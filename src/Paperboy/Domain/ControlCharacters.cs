using System.Buffers;

namespace Paperboy.Domain;

/// <summary>
/// What people type (comments, watch-lists) keeps its line breaks and tabs but never a control character such as U+0000:
/// nothing shows it, XML (the Atom feeds) cannot carry it, and some databases refuse it.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Every C0 control character and DEL except tab, line feed and carriage return (vertical tab and form feed included).</summary>
    public const string All =
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000b\u000c\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f";

    static readonly SearchValues<char> Unwanted = SearchValues.Create(All);

    /// <summary>The text without control characters other than tab, line feed and carriage return.</summary>
    public static string Strip(string text)
    {
        if (text.AsSpan().IndexOfAny(Unwanted) < 0) return text;
        return string.Create(text.Length - Count(text), text, static (buffer, source) =>
        {
            var n = 0;
            foreach (var c in source)
                if (!Unwanted.Contains(c)) buffer[n++] = c;
        });
    }

    static int Count(string text)
    {
        var n = 0;
        foreach (var c in text) if (Unwanted.Contains(c)) n++;
        return n;
    }
}
