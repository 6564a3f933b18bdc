using System.Text;
using System.Xml.Linq;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>A real XML answer split into its records and the shell around them, so that any records can be put back in.</summary>
public sealed class XmlSource
{
    readonly byte[] _head, _tail;

    public IReadOnlyList<byte[]> Records { get; }

    /// <param name="records">The records of the answer, e.g. <c>doc => doc.Root!.Elements(atom + "entry")</c>.</param>
    public XmlSource(string xml, Func<XDocument, IEnumerable<XElement>> records)
    {
        var doc = XDocument.Parse(xml);
        var found = records(doc).ToList();
        Records = [.. found.Select(Bytes)];
        var parent = found[0].Parent!;
        var marker = new XComment("records");
        found[0].AddBeforeSelf(marker);
        foreach (var r in found) r.Remove();
        var text = doc.Root!.ToString(SaveOptions.DisableFormatting);
        var at = text.IndexOf("<!--records-->", StringComparison.Ordinal);
        _head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text[..at]);
        _tail = Encoding.UTF8.GetBytes(text[(at + "<!--records-->".Length)..]);
    }

    /// <summary>A record as it reads alone: a copy, so that the namespaces it uses are declared on it.</summary>
    public static byte[] Bytes(XElement record) => Encoding.UTF8.GetBytes(new XElement(record).ToString(SaveOptions.DisableFormatting));

    public byte[] With(IEnumerable<byte[]> records) => [.. _head, .. records.SelectMany(r => r), .. _tail];
}
