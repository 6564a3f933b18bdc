using System.Text;
using System.Xml.Linq;
using CsCheck;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary><see cref="OaiPmhParser"/> on ListRecords pages of real records in both metadata formats, arXivRaw and arXiv.</summary>
public sealed class OaiPmhTarget : ReaderTarget
{
    static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";

    static IEnumerable<XElement> Records(XDocument doc) => doc.Root!.Descendants(Oai + "record");

    readonly XmlSource _page = new(File.ReadAllText(SharedData.PathOf("arxiv-oai-pmh", "litpuvn_ListRecords.xml")), Records);

    public override string Name => "OAI-PMH XML";

    protected override IReadOnlyList<byte[]> Good { get; }

    public OaiPmhTarget() => Good =
        [.. _page.Records.Take(8), .. Directory.EnumerateFiles(SharedData.PathOf("arxiv-oai-pmh", "arxiv-format"), "unit__*.xml").Order().Take(6)
            .SelectMany(f => Records(XDocument.Load(f)).Take(1)).Select(XmlSource.Bytes)];

    protected override byte[] Source(IEnumerable<byte[]> records) => _page.With(records);

    protected override int Breaks => 5;

    protected override byte[] Break(byte[] record, int how)
    {
        var r = XElement.Parse(Encoding.UTF8.GetString(record));
        var metadata = r.Element(Oai + "metadata")!.Elements().First();
        var ns = metadata.Name.Namespace;
        switch (how)
        {
            case 0: metadata.Element(ns + "id")!.Value = "not-an-id"; break;
            case 1: metadata.Element(ns + "title")!.Remove(); break;
            case 2: r.Element(Oai + "metadata")!.Remove(); break;
            case 3: metadata.Elements(ns + "version").Concat(metadata.Elements(ns + "created")).Remove(); break;
            default: r.Element(Oai + "header")!.Remove(); metadata.Element(ns + "id")!.Value = "not-an-id"; break;
        }
        return XmlSource.Bytes(r);
    }

    protected override Gen<byte[]> Structural(Gen<byte[]> sources) => XmlMutations.Of(sources);

    /// <summary>As <see cref="OaiPmhHarvester"/> passes it on: an OAI error answer ends the harvest like an unreadable one.</summary>
    public override ReaderOutcome Read(byte[] input)
    {
        try
        {
            var page = OaiPmhParser.Parse(Encoding.UTF8.GetString(input));
            return page.ErrorCode is { } code ? ReaderOutcome.Refused($"OAI-PMH error {code}: {page.ErrorMessage}") : new ReaderOutcome(page.Records, page.Rejected, null);
        }
        catch (ImportSourceException e) { return ReaderOutcome.Refused(e.Message); }
    }

    public override bool IsAt(ImportProblem problem, int position) =>
        problem.Where == $"record {position}" || problem.Where.StartsWith($"record {position} (", StringComparison.Ordinal);
}
