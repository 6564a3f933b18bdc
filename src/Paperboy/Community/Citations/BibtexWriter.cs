using System.Text;

namespace Paperboy.Community;

/// <summary>
/// BibTeX as arXiv's "Export BibTeX citation" writes it (an <c>@misc</c> with eprint, archivePrefix and primaryClass,
/// the same spacing), plus <c>keywords</c> and <c>annote</c> for a collection's tags and note. Titles keep their LaTeX;
/// only the characters BibTeX or LaTeX would choke on are escaped.
/// </summary>
public static class BibtexWriter
{
    public static string Write(IReadOnlyList<CitedPaper> papers)
    {
        var keys = CitationKey.Unique(papers.Select(p => p.Paper));
        var sb = new StringBuilder();
        for (var i = 0; i < papers.Count; i++)
        {
            if (i > 0) sb.Append("\n\n");
            Entry(sb, papers[i], keys[i]);
        }
        return sb.Append('\n').ToString();
    }

    static void Entry(StringBuilder sb, CitedPaper cited, string key)
    {
        var p = cited.Paper;
        sb.Append("@misc{").Append(key).Append(",\n");
        sb.Append("      title={").Append(Latex(Unfold(p.Title))).Append("}, \n");
        sb.Append("      author={").Append(string.Join(" and ", p.Authors.Select(a => Plain(Unfold(a))))).Append("},\n");
        sb.Append("      year={").Append(p.PublishedAt.Year).Append("},\n");
        sb.Append("      eprint={").Append(p.Id).Append("},\n");
        sb.Append("      archivePrefix={arXiv},\n");
        sb.Append("      primaryClass={").Append(p.Categories.Count > 0 ? Plain(p.PrimaryCategory) : "unknown").Append("},\n");
        // arXiv writes the DOI as a URL; BibTeX styles expect the bare DOI and make the link themselves.
        if (p.Doi is { Length: > 0 } doi) sb.Append("      doi={").Append(Plain(doi.Trim())).Append("},\n");
        if (cited.TagList.Count > 0) sb.Append("      keywords={").Append(Plain(string.Join(", ", cited.TagList))).Append("},\n");
        if (cited.Note.Length > 0) sb.Append("      annote={").Append(Plain(Unfold(cited.Note))).Append("},\n");
        sb.Append("      url={").Append(cited.Url).Append("}, \n");
        sb.Append('}');
    }

    static string Unfold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Text that is already LaTeX (titles): math and commands stay, but a bare <c>&amp;</c>, <c>%</c> or <c>#</c> (and
    /// <c>_</c> outside math) is escaped, and unbalanced braces, which would swallow the rest of the file, are escaped all.
    /// </summary>
    public static string Latex(string text)
    {
        var balanced = Balanced(text);
        var sb = new StringBuilder(text.Length + 8);
        var math = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length) { sb.Append(c).Append(text[++i]); continue; }
            if (c == '$') math = !math;
            if (c is '&' or '%' or '#' || (c == '_' && !math) || (c is '{' or '}' && !balanced)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Plain text (names, notes, tags): every character special to LaTeX is escaped.</summary>
    public static string Plain(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => sb.Append(@"\textbackslash{}"),
                '~' => sb.Append(@"\textasciitilde{}"),
                '^' => sb.Append(@"\textasciicircum{}"),
                '&' or '%' or '#' or '_' or '$' or '{' or '}' => sb.Append('\\').Append(c),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    static bool Balanced(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth < 0) return false;
        }
        return depth == 0;
    }
}
