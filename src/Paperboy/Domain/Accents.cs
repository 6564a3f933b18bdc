using System.Text;

namespace Paperboy.Domain;

/// <summary>
/// Latin letters with diacritics and their base letters, for text that must compare without accents (BibTeX keys, the
/// embedding model's tokenizer, which strips accents as BERT does).
/// </summary>
public static class Accents
{
    // Latin letters with diacritics (U+00C0 to U+024F) and their base letters, from Unicode's canonical decompositions.
    // Spelled out because the program runs with invariant globalization, where string.Normalize leaves text as it is.
    const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";
    const string Bases = "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy";

    /// <summary>The lower-case base letter of a Latin letter with a diacritic (<c>É</c> → <c>e</c>), or null.</summary>
    public static char? BaseOf(char c) => Accented.IndexOf(c) is var i and >= 0 ? Bases[i] : null;

    /// <summary><paramref name="lowerCase"/> with every Latin letter with a diacritic replaced by its base letter.</summary>
    public static string Strip(string lowerCase)
    {
        if (lowerCase.All(char.IsAscii)) return lowerCase;
        var sb = new StringBuilder(lowerCase.Length);
        foreach (var c in lowerCase) sb.Append(BaseOf(c) ?? c);
        return sb.ToString();
    }
}
