using System.Globalization;
using System.Text;
using System.Xml;
using Paperboy.Papers;

namespace Paperboy.Search;

/// <summary>A search as an Atom 1.0 feed (newest first), so that a search can be followed like a list.</summary>
public static class SearchAtom
{
    const string Atom = "http://www.w3.org/2005/Atom";

    public static string Write(string query, IReadOnlyList<Paper> papers, Uri pageUrl, Uri feedUrl)
    {
        var origin = pageUrl.GetLeftPart(UriPartial.Authority);
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", pageUrl.AbsoluteUri);
            xml.WriteElementString("title", $"Paperboy search: {query}");
            var updated = papers.Count == 0 ? DateTime.UnixEpoch : papers.Max(p => p.UpdatedAt > p.PublishedAt ? p.UpdatedAt : p.PublishedAt);
            xml.WriteElementString("updated", Timestamp(updated));
            Link(xml, "alternate", pageUrl.AbsoluteUri, "text/html");
            Link(xml, "self", feedUrl.AbsoluteUri, "application/atom+xml");
            xml.WriteStartElement("author");
            xml.WriteElementString("name", "Paperboy");
            xml.WriteEndElement();
            foreach (var p in papers)
            {
                var page = $"{origin}/papers/{p.Id}";
                xml.WriteStartElement("entry");
                xml.WriteElementString("id", page);
                xml.WriteElementString("title", p.Title);
                Link(xml, "alternate", page, "text/html");
                xml.WriteElementString("published", Timestamp(p.PublishedAt));
                xml.WriteElementString("updated", Timestamp(p.UpdatedAt > p.PublishedAt ? p.UpdatedAt : p.PublishedAt));
                foreach (var author in p.Authors.DefaultIfEmpty("Unknown"))
                {
                    xml.WriteStartElement("author");
                    xml.WriteElementString("name", author);
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("summary");
                xml.WriteAttributeString("type", "text");
                xml.WriteString(p.Abstract);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
