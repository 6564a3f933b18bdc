using System.Net;
using System.Text;
using Paperboy.Web;

namespace Paperboy.Digest;

/// <summary>
/// The plain-text and HTML parts of a digest. The HTML uses inline styles only (mail clients drop style sheets)
/// and no script; every link is absolute.
/// </summary>
public sealed class DigestBodies(DigestLinks links, int abstractChars)
{
    const string Font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";

    public string Text(DigestPeriod period, DigestContent content, IReadOnlyDictionary<string, PaperSummary> papers)
    {
        var sb = new StringBuilder();
        sb.AppendLine(DigestText.Heading(period)).AppendLine();
        var n = 0;
        foreach (var paper in Present(content.Featured, papers)) TextPaper(sb, paper, ++n);
        if (content.Featured.Count == 0) sb.AppendLine("No papers were featured in this period.").AppendLine();
        foreach (var section in content.Sections)
        {
            sb.AppendLine($"New on your watch-list \"{section.Query}\"").AppendLine(new string('-', 40));
            n = 0;
            foreach (var paper in Present(section.Papers, papers)) TextPaper(sb, paper, ++n);
        }
        if (content.ForYou is { Count: > 0 } forYou)
        {
            sb.AppendLine(ForYouHeading).AppendLine(new string('-', 40));
            n = 0;
            foreach (var pick in forYou)
                if (papers.GetValueOrDefault(pick.Paper) is { } paper) TextPaper(sb, paper, ++n, pick.Reason);
        }
        sb.AppendLine("--");
        sb.AppendLine($"Manage your subscription and watch-lists: {links.Manage}");
        sb.AppendLine($"Unsubscribe: {links.Unsubscribe}");
        return sb.ToString();
    }

    /// <summary>The heading of the reader's recommendations (subscribers with an account only).</summary>
    public const string ForYouHeading = "For you, from what you upvoted and saved";

    void TextPaper(StringBuilder sb, PaperSummary p, int n, string? reason = null)
    {
        sb.AppendLine($"{n}. {DigestText.Flatten(p.Title)}");
        if (reason is not null) sb.AppendLine($"   ({reason})");
        sb.AppendLine($"   {DigestText.Authors(p.Authors)} · {Counted.Of(p.Upvotes, "upvote")}");
        sb.AppendLine($"   {DigestText.Opening(p.Abstract, abstractChars)}");
        sb.AppendLine($"   {links.Paper(p.Id)}  (arXiv: {DigestLinks.Arxiv(p.Id)})").AppendLine();
    }

    /// <remarks>Broken into lines between blocks: mail must keep lines under 998 characters, and short lines go out as
    /// 8bit rather than quoted-printable (see <see cref="MessageRenderer"/>).</remarks>
    public string Html(DigestPeriod period, DigestContent content, IReadOnlyDictionary<string, PaperSummary> papers)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
          .Append("<title>").Append(E(DigestText.Heading(period))).Append("</title></head>\n")
          .Append($"<body style=\"margin:0;padding:0;background:#f6f8fa;\"><div style=\"{Font}max-width:600px;margin:0 auto;padding:16px;background:#ffffff;color:#1f2328;\">\n")
          .Append($"<h1 style=\"{Font}font-size:20px;margin:0 0 16px;\">").Append(E(DigestText.Heading(period))).Append("</h1>\n");
        foreach (var paper in Present(content.Featured, papers)) HtmlPaper(sb, paper);
        if (content.Featured.Count == 0) sb.Append("<p style=\"color:#656d76;\">No papers were featured in this period.</p>");
        foreach (var section in content.Sections)
        {
            sb.Append($"<h2 style=\"{Font}font-size:17px;margin:24px 0 8px;border-top:1px solid #d0d7de;padding-top:16px;\">New on your watch-list “")
              .Append(E(section.Query)).Append("”</h2>\n");
            foreach (var paper in Present(section.Papers, papers)) HtmlPaper(sb, paper);
        }
        if (content.ForYou is { Count: > 0 } forYou)
        {
            sb.Append($"<h2 style=\"{Font}font-size:17px;margin:24px 0 8px;border-top:1px solid #d0d7de;padding-top:16px;\">")
              .Append(E(ForYouHeading)).Append("</h2>\n");
            foreach (var pick in forYou)
                if (papers.GetValueOrDefault(pick.Paper) is { } paper) HtmlPaper(sb, paper, pick.Reason);
        }
        sb.Append("<p style=\"font-size:13px;color:#656d76;border-top:1px solid #d0d7de;padding-top:12px;margin-top:24px;\">")
          .Append($"<a href=\"{E(links.Manage)}\" style=\"color:#0969da;\">Manage your subscription and watch-lists</a> · ")
          .Append($"<a href=\"{E(links.Unsubscribe)}\" style=\"color:#0969da;\">Unsubscribe</a></p></div></body></html>");
        return sb.ToString();
    }

    void HtmlPaper(StringBuilder sb, PaperSummary p, string? reason = null)
    {
        sb.Append("<div style=\"margin:0 0 18px;\">")
          .Append($"<a href=\"{E(links.Paper(p.Id))}\" style=\"font-size:16px;font-weight:600;color:#0969da;text-decoration:none;\">")
          .Append(E(DigestText.Flatten(p.Title))).Append("</a>\n");
        if (reason is not null) sb.Append("<div style=\"font-size:13px;color:#656d76;font-style:italic;\">").Append(E(reason)).Append("</div>\n");
        sb
          .Append("<div style=\"font-size:13px;color:#656d76;margin:2px 0 4px;\">").Append(E(DigestText.Authors(p.Authors)))
          .Append(" · <strong>").Append(E(Counted.Of(p.Upvotes, "upvote"))).Append("</strong></div>\n")
          .Append("<div style=\"font-size:14px;line-height:1.45;\">").Append(E(DigestText.Opening(p.Abstract, abstractChars))).Append("</div>\n")
          .Append($"<div style=\"font-size:13px;margin-top:4px;\"><a href=\"{E(links.Paper(p.Id))}\" style=\"color:#0969da;\">Paper page</a> · ")
          .Append($"<a href=\"{E(DigestLinks.Arxiv(p.Id))}\" style=\"color:#0969da;\">arXiv</a></div></div>\n");
    }

    /// <summary>Papers that still exist (a paper removed since composing is left out rather than failing the message).</summary>
    static IEnumerable<PaperSummary> Present(IEnumerable<string> ids, IReadOnlyDictionary<string, PaperSummary> papers) =>
        ids.Select(id => papers.GetValueOrDefault(id)).OfType<PaperSummary>();

    static string E(string s) => WebUtility.HtmlEncode(s);
}
