using System.Globalization;
using System.Text;
using System.Xml;
using Paperboy.Papers;

namespace Paperboy.Feed;

/// <summary>Writes a list as an Atom 1.0 document (RFC 4287): one entry per paper, linking to its page and to arXiv.</summary>
public static class AtomFeedWriter
{
    const string Atom = "http://www.w3.org/2005/Atom";

    public static string Write(PeriodList list, string title, Uri pageUrl, Uri feedUrl)
    {
        var origin = pageUrl.GetLeftPart(UriPartial.Authority);
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", pageUrl.AbsoluteUri);
            xml.WriteElementString("title", title);
            xml.WriteElementString("updated", Timestamp(Updated(list)));
            Link(xml, "alternate", pageUrl.AbsoluteUri, "text/html");
            Link(xml, "self", feedUrl.AbsoluteUri, "application/atom+xml");
            xml.WriteStartElement("author");
            xml.WriteElementString("name", "Paperboy");
            xml.WriteEndElement();
            xml.WriteElementString("generator", "Paperboy");
            foreach (var featured in list.Entries) Entry(xml, featured, origin);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        // StringBuilder output declares utf-16; the response is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    static void Entry(XmlWriter xml, FeaturedPaper featured, string origin)
    {
        var paper = featured.Paper!;
        var page = $"{origin}/papers/{paper.Id}";
        xml.WriteStartElement("entry");
        xml.WriteElementString("id", page);
        xml.WriteElementString("title", AbstractText.ToPlainText(paper.Title));
        Link(xml, "alternate", page, "text/html");
        Link(xml, "related", $"https://arxiv.org/abs/{paper.Id}", "text/html");
        xml.WriteElementString("published", Timestamp(featured.FeaturedAt));
        xml.WriteElementString("updated", Timestamp(featured.FeaturedAt > paper.UpdatedAt ? featured.FeaturedAt : paper.UpdatedAt));
        foreach (var author in paper.Authors.DefaultIfEmpty("Unknown"))
        {
            xml.WriteStartElement("author");
            xml.WriteElementString("name", author);
            xml.WriteEndElement();
        }
        foreach (var category in paper.Categories)
        {
            xml.WriteStartElement("category");
            xml.WriteAttributeString("term", category);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("summary");
        xml.WriteAttributeString("type", "text");
        xml.WriteString($"{paper.Upvotes} upvotes. {AbstractText.ToPlainText(paper.Abstract)}");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>The newest featuring in the list; an empty list is as new as the end of its period.</summary>
    static DateTime Updated(PeriodList list) => list.Entries.Count > 0
        ? list.Entries.Max(f => f.FeaturedAt)
        : list.Period.Last.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
