using System.Xml;
using System.Xml.Linq;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// Loads an answer of arXiv's XML services (the query API's Atom, OAI-PMH). Neither sends a document type declaration,
/// and one in an answer can only be a blow-up (nested entities made a 2 KB feed into a title of 9 million characters,
/// taking a second) or a reference to another resource: it is refused like any other XML error.
/// </summary>
public static class ArxivXml
{
    static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, XmlResolver = null };

    /// <exception cref="XmlException">Not well-formed XML, or XML with a document type declaration.</exception>
    public static XDocument Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        return XDocument.Load(reader);
    }
}
