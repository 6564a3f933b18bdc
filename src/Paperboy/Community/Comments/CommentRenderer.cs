using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Paperboy.Community;

/// <summary>
/// Comment Markdown to safe HTML: raw HTML is off (shown as text), links get <c>rel="nofollow ugc"</c>, links and
/// images to anything but http(s) or mailto are dropped (their text kept), images become plain links.
/// </summary>
public static class CommentRenderer
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseReferralLinks("nofollow", "ugc")
        .Build();

    public static string ToHtml(string markdown)
    {
        var doc = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in doc.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage) link.IsImage = false;
            if (!IsSafe(link.Url)) Unwrap(link);
        }
        foreach (var auto in doc.Descendants<AutolinkInline>().ToList())
            if (!IsSafe(auto.Url)) auto.ReplaceBy(new LiteralInline(auto.Url));
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        return writer.ToString();
    }

    static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var u = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        return u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
               || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
               || u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Replaces the link by its text.</summary>
    static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }
}
