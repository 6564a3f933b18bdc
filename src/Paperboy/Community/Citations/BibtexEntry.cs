namespace Paperboy.Community;

// What BibtexReader reads, together because each is a line or two.

/// <summary>One entry of a BibTeX file: its type and key, the line it starts on, and its fields (names lower-case, values as written, whitespace folded).</summary>
public sealed record BibtexEntry(string Type, string Key, int Line, IReadOnlyDictionary<string, string> Fields);

/// <summary>An entry <see cref="BibtexReader"/> could not read, with the line it starts on and what is wrong.</summary>
public sealed record BibtexProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>What a BibTeX file holds: the entries read, and the ones that could not be.</summary>
public sealed record BibtexFile(IReadOnlyList<BibtexEntry> Entries, IReadOnlyList<BibtexProblem> Problems);
