using System.Text;

namespace Paperboy.Community;

/// <summary>
/// A small, tolerant BibTeX reader: entries in braces or parentheses, values in braces, quotes, numbers or
/// <c>@string</c> macros joined by <c>#</c>; <c>@comment</c> and <c>@preamble</c> skipped, text between entries ignored
/// as BibTeX itself does. An entry it cannot read is reported with its line and skipped up to the next line that starts
/// with <c>@</c>, so one bad entry costs only itself. A parser, hence its switch-like length.
/// </summary>
public sealed class BibtexReader
{
    readonly string _s;
    int _i;
    readonly List<BibtexEntry> _entries = [];
    readonly List<BibtexProblem> _problems = [];
    readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = "January", ["feb"] = "February", ["mar"] = "March", ["apr"] = "April", ["may"] = "May", ["jun"] = "June",
        ["jul"] = "July", ["aug"] = "August", ["sep"] = "September", ["oct"] = "October", ["nov"] = "November", ["dec"] = "December",
    };

    BibtexReader(string text) => _s = text;

    public static BibtexFile Read(string text)
    {
        var reader = new BibtexReader(text);
        reader.ReadAll();
        return new BibtexFile(reader._entries, reader._problems);
    }

    sealed class BadEntry(string message) : Exception(message);

    void ReadAll()
    {
        while ((_i = _s.IndexOf('@', _i)) >= 0)
        {
            var start = _i;
            _i++;
            var type = Identifier();
            SkipSpace();
            if (type.Length == 0 || _i >= _s.Length || _s[_i] is not ('{' or '(')) continue; // an '@' in free text, as in an email address
            try
            {
                Entry(type.ToLowerInvariant(), start);
            }
            catch (BadEntry e)
            {
                _problems.Add(new BibtexProblem(LineAt(start), e.Message));
                // From the bad entry's own start: an unclosed brace may have run on over the entries after it.
                _i = start + 1;
                SkipToNextEntry();
            }
        }
    }

    void Entry(string type, int start)
    {
        var close = _s[_i] == '{' ? '}' : ')';
        if (type is "comment" or "preamble")
        {
            Braced(close);
            return;
        }
        _i++;
        SkipSpace();
        if (type == "string")
        {
            var (name, value) = Field();
            _macros[name] = value;
            SkipSpace();
            Expect(close);
            return;
        }
        var key = Key(close);
        if (key.Length == 0) throw new BadEntry($"@{type} has no key before its first comma.");
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSpace();
            if (_i >= _s.Length) throw new BadEntry($"@{type}{{{key}, ... is not closed: the file ends inside it.");
            if (_s[_i] == close) { _i++; break; }
            if (_s[_i] == ',') { _i++; continue; }
            var (name, value) = Field();
            fields[name] = value;
        }
        _entries.Add(new BibtexEntry(type, key, LineAt(start), fields));
    }

    (string Name, string Value) Field()
    {
        var nameAt = _i;
        if (_s[_i] == '@') throw new BadEntry($"it is not closed before the next entry, at line {LineAt(nameAt)}.");
        var name = Identifier();
        if (name.Length == 0) throw new BadEntry($"expected a field name at line {LineAt(nameAt)}, found '{Preview()}'.");
        SkipSpace();
        Expect('=');
        var value = new StringBuilder();
        while (true)
        {
            SkipSpace();
            value.Append(Value());
            SkipSpace();
            if (_i < _s.Length && _s[_i] == '#') { _i++; continue; }
            break;
        }
        return (name.ToLowerInvariant(), Fold(value.ToString()));
    }

    string Value()
    {
        if (_i >= _s.Length) throw new BadEntry("the file ends where a value should be.");
        var c = _s[_i];
        if (c == '{') { var from = _i + 1; Braced('}'); return _s[from..(_i - 1)]; }
        if (c == '"') return Quoted();
        var at = _i;
        var word = Identifier();
        if (word.Length == 0) throw new BadEntry($"expected a value at line {LineAt(at)}, found '{Preview()}'.");
        if (word.All(char.IsAsciiDigit)) return word;
        return _macros.TryGetValue(word, out var macro) ? macro : throw new BadEntry($"'{word}' at line {LineAt(at)} is neither a value in braces or quotes nor a known @string.");
    }

    /// <summary>From an opening brace (or, for a whole entry, parenthesis) to just past its match; braces nest.</summary>
    void Braced(char close)
    {
        var open = close == '}' ? '{' : '(';
        var at = _i;
        var depth = 0;
        for (; _i < _s.Length; _i++)
        {
            var c = _s[_i];
            if (c == '\\') { _i++; continue; }
            if (c == open) depth++;
            else if (c == close && --depth == 0) { _i++; return; }
        }
        throw new BadEntry($"the '{open}' opened at line {LineAt(at)} is never closed.");
    }

    string Quoted()
    {
        var at = _i++;
        var depth = 0;
        var from = _i;
        for (; _i < _s.Length; _i++)
        {
            var c = _s[_i];
            if (c == '\\') { _i++; continue; }
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == '"' && depth == 0) return _s[from.._i++];
        }
        throw new BadEntry($"the quote opened at line {LineAt(at)} is never closed.");
    }

    string Identifier()
    {
        var from = _i;
        while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] is '_' or '-' or ':' or '.' or '+' or '/' or '\'')) _i++;
        return _s[from.._i];
    }

    string Key(char close)
    {
        var from = _i;
        while (_i < _s.Length && _s[_i] != ',' && _s[_i] != close && _s[_i] != '\n') _i++;
        if (_i >= _s.Length || _s[_i] != ',') throw new BadEntry($"the key '{_s[from.._i].Trim()}' is not followed by a comma.");
        var key = _s[from.._i].Trim();
        _i++;
        return key;
    }

    void Expect(char c)
    {
        if (_i < _s.Length && _s[_i] == c) { _i++; return; }
        throw new BadEntry($"expected '{c}' at line {LineAt(Math.Min(_i, _s.Length))}, found '{Preview()}'.");
    }

    void SkipSpace()
    {
        while (_i < _s.Length && char.IsWhiteSpace(_s[_i])) _i++;
    }

    /// <summary>After a bad entry: on to the next '@' that starts a line, where the next entry most likely begins.</summary>
    void SkipToNextEntry()
    {
        while (_i < _s.Length)
        {
            var next = _s.IndexOf('\n', _i);
            if (next < 0) { _i = _s.Length; return; }
            _i = next + 1;
            SkipSpace();
            if (_i < _s.Length && _s[_i] == '@') return;
        }
    }

    string Preview() => _i >= _s.Length ? "the end of the file" : _s.Substring(_i, Math.Min(20, _s.Length - _i)).Split('\n')[0];

    int LineAt(int index)
    {
        if (_lineStarts is null)
        {
            _lineStarts = [0];
            for (var k = 0; k < _s.Length; k++) if (_s[k] == '\n') _lineStarts.Add(k + 1);
        }
        var found = _lineStarts.BinarySearch(index);
        return found >= 0 ? found + 1 : ~found;
    }

    List<int>? _lineStarts;

    static string Fold(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
