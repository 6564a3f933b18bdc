using System.Text;
using Paperboy.Domain;

namespace Paperboy.Community;

/// <summary>
/// Authors' names as citations need them: family and given parts, and the ASCII letters of keys. Names are stored as
/// arXiv lists them ("Ashish Vaswani"), so the family name is the last word, or the one before a suffix ("Jr.").
/// </summary>
public static class CitationNames
{
    static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV" };

    /// <summary>The family name, the given names and a suffix ("Jr.") of a name written given names first.</summary>
    public static (string Family, string Given, string Suffix) Split(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return ("", "", "");
        var suffix = words.Length > 2 && Suffixes.Contains(words[^1]) ? words[^1] : "";
        var last = suffix.Length > 0 ? words.Length - 2 : words.Length - 1;
        return (words[last], string.Join(' ', words[..last]), suffix);
    }

    /// <summary>Lower-case ASCII letters and digits only: accents dropped (<c>Balázs</c> is <c>balazs</c>), anything else removed.</summary>
    public static string AsciiKey(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = c switch { 'ß' => "ss", 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe", 'ø' or 'Ø' => "o", 'ł' or 'Ł' => "l", 'đ' or 'Đ' => "d", 'ı' => "i", _ => null };
            if (folded is not null) sb.Append(folded);
            else if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (Accents.BaseOf(c) is { } letter) sb.Append(letter);
        }
        return sb.ToString();
    }
}
