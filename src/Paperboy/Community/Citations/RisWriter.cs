using System.Globalization;
using System.Text;
using Paperboy.Domain;

namespace Paperboy.Community;

/// <summary>
/// RIS (the tagged format of EndNote, Zotero, Mendeley): one <c>TY  - GEN</c> record per paper, one value per line,
/// CRLF line ends as the format asks. Titles and abstracts are plain text (their LaTeX read), since RIS has no markup.
/// </summary>
public static class RisWriter
{
    public static string Write(IReadOnlyList<CitedPaper> papers)
    {
        var sb = new StringBuilder();
        foreach (var cited in papers)
        {
            var p = cited.Paper;
            Tag(sb, "TY", "GEN");
            foreach (var author in p.Authors)
            {
                var (family, given, suffix) = CitationNames.Split(author);
                Tag(sb, "AU", given.Length == 0 ? family : $"{family}, {given}{(suffix.Length > 0 ? ", " + suffix : "")}");
            }
            Tag(sb, "TI", AbstractText.ToPlainText(p.Title));
            Tag(sb, "PY", p.PublishedAt.Year.ToString(CultureInfo.InvariantCulture));
            Tag(sb, "DA", p.PublishedAt.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            Tag(sb, "PB", "arXiv");
            Tag(sb, "AN", $"arXiv:{p.Id}");
            Tag(sb, "UR", cited.Url);
            if (p.Doi is { Length: > 0 } doi) Tag(sb, "DO", doi.Trim());
            if (p.Abstract.Length > 0) Tag(sb, "AB", AbstractText.ToPlainText(p.Abstract));
            foreach (var tag in cited.TagList) Tag(sb, "KW", tag);
            if (cited.Note.Length > 0) Tag(sb, "N1", cited.Note);
            sb.Append("ER  - \r\n");
        }
        return sb.ToString();
    }

    /// <summary>One tagged line; a value never spans lines (a line break would end it early).</summary>
    static void Tag(StringBuilder sb, string tag, string value) =>
        sb.Append(tag).Append("  - ").Append(string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Append("\r\n");
}
