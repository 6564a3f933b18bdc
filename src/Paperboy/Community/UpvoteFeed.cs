using System.Text;
using System.Xml;

namespace Paperboy.Community;

/// <summary>An Atom 1.0 feed of one person's upvotes, newest first.</summary>
public static class UpvoteFeed
{
    const string Atom = "http://www.w3.org/2005/Atom";

    public static string Write(string handle, IReadOnlyList<ProfileItem> items, string baseUrl)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            w.WriteStartElement("feed", Atom);
            w.WriteElementString("id", Atom, $"{baseUrl}/u/{handle}/upvotes.atom");
            w.WriteElementString("title", Atom, $"Papers upvoted by @{handle}");
            w.WriteElementString("updated", Atom, Stamp(items.Count > 0 ? items[0].At : DateTime.UnixEpoch));
            Link(w, "self", $"{baseUrl}/u/{handle}/upvotes.atom");
            Link(w, "alternate", $"{baseUrl}/u/{handle}");
            w.WriteStartElement("author", Atom);
            w.WriteElementString("name", Atom, handle);
            w.WriteEndElement();
            foreach (var item in items)
            {
                var p = item.Paper;
                w.WriteStartElement("entry", Atom);
                w.WriteElementString("id", Atom, $"{baseUrl}/papers/{p.Id}#upvote-{handle}");
                w.WriteElementString("title", Atom, p.Title);
                w.WriteElementString("updated", Atom, Stamp(item.At));
                Link(w, "alternate", $"{baseUrl}{PaperRoutes.Discussion(p.Id)}");
                foreach (var a in p.Authors.Take(20))
                {
                    w.WriteStartElement("author", Atom);
                    w.WriteElementString("name", Atom, a);
                    w.WriteEndElement();
                }
                w.WriteStartElement("summary", Atom);
                w.WriteAttributeString("type", "text");
                w.WriteString(p.Abstract);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    static void Link(XmlWriter w, string rel, string href)
    {
        w.WriteStartElement("link", Atom);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    static string Stamp(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ");
}
