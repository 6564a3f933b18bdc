using System.Globalization;
using System.Text;
using System.Xml;

namespace Paperboy.Web;

/// <summary>
/// The one Atom writer. Text comes from imports and forms, so characters XML forbids (U+0000, U+0001, U+000B...) are
/// dropped here rather than failing the whole feed.
/// </summary>
public static class AtomWriter
{
    const string Atom = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static IResult Result(AtomFeed feed) => Results.Text(Write(feed), ContentType);

    public static string Write(AtomFeed feed)
    {
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            Text(xml, "id", feed.Id);
            Text(xml, "title", feed.Title);
            Text(xml, "updated", Timestamp(feed.Updated));
            Link(xml, "alternate", feed.PageUrl, "text/html");
            Link(xml, "self", feed.FeedUrl, "application/atom+xml");
            Authors(xml, [feed.Author]);
            Text(xml, "generator", "Paperboy");
            foreach (var entry in feed.Entries) Entry(xml, entry);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        // StringBuilder output declares utf-16; the response is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    static void Entry(XmlWriter xml, AtomEntry entry)
    {
        xml.WriteStartElement("entry");
        Text(xml, "id", entry.Id);
        Text(xml, "title", entry.Title);
        Link(xml, "alternate", entry.Link, "text/html");
        if (entry.Related is not null) Link(xml, "related", entry.Related, "text/html");
        if (entry.Published is { } published) Text(xml, "published", Timestamp(published));
        Text(xml, "updated", Timestamp(entry.Updated));
        Authors(xml, entry.Authors.Count > 0 ? entry.Authors : ["Unknown"]);
        foreach (var category in entry.Categories)
        {
            xml.WriteStartElement("category");
            xml.WriteAttributeString("term", Clean(category));
            xml.WriteEndElement();
        }
        xml.WriteStartElement("summary");
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Clean(entry.Summary));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    static void Authors(XmlWriter xml, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            xml.WriteStartElement("author");
            Text(xml, "name", name);
            xml.WriteEndElement();
        }
    }

    static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", Clean(href));
        xml.WriteEndElement();
    }

    static void Text(XmlWriter xml, string name, string value) => xml.WriteElementString(name, Clean(value));

    static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The text without the characters XML 1.0 cannot carry (lone surrogates included).</summary>
    internal static string Clean(string text)
    {
        var sb = (StringBuilder?)null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            var ok = pair || XmlConvert.IsXmlChar(text[i]);
            if (!ok) sb ??= new StringBuilder(text.Length).Append(text, 0, i);
            else sb?.Append(text, i, pair ? 2 : 1);
            if (pair) i++;
        }
        return sb?.ToString() ?? text;
    }
}
