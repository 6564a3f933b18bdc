using System.Text;
using System.Xml.Linq;
using CsCheck;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Tests.Ingest.Arxiv;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary><see cref="ArxivAtomParser"/> on feeds of real entries from the query API, today's form and 2016's.</summary>
public sealed class ArxivAtomTarget : ReaderTarget
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    static IEnumerable<XElement> Entries(XDocument doc) => doc.Root!.Elements(Atom + "entry");

    readonly XmlSource _feed = new(ArxivRecordings.Named("q_testing_s0_m10_").Body, Entries);

    public override string Name => "arXiv Atom";

    protected override IReadOnlyList<byte[]> Good { get; } =
        [.. ArxivRecordings.Format2026.Where(e => e.Status == 200 && e.File.StartsWith("id_", StringComparison.Ordinal))
                .Select(e => e.Body).Append(ArxivRecordings.Named("q_testing_s0_m10_").Body)
                .Concat(ArxivRecordings.Format2016Files.Select(File.ReadAllText))
                .SelectMany(xml => Entries(XDocument.Parse(xml)).Take(3)).Select(XmlSource.Bytes)];

    protected override byte[] Source(IEnumerable<byte[]> records) => _feed.With(records);

    protected override int Breaks => 4;

    protected override byte[] Break(byte[] record, int how)
    {
        var entry = XElement.Parse(Encoding.UTF8.GetString(record));
        switch (how)
        {
            case 0: entry.Element(Atom + "id")!.Value = "http://arxiv.org/abs/not-an-id"; break;
            case 1: entry.Element(Atom + "id")!.Remove(); break;
            case 2: entry.Element(Atom + "title")!.Remove(); break;
            default: entry.Element(Atom + "title")!.Value = " \n "; break;
        }
        return XmlSource.Bytes(entry);
    }

    protected override Gen<byte[]> Structural(Gen<byte[]> sources) => XmlMutations.Of(sources);

    /// <summary>As <see cref="ArxivApiClient"/> passes it on: the body decoded as UTF-8; an error feed fails the import like an unreadable one.</summary>
    public override ReaderOutcome Read(byte[] input)
    {
        try
        {
            var feed = ArxivAtomParser.Parse(Encoding.UTF8.GetString(input));
            if (feed.Error is { } error) throw new ImportSourceException($"arXiv rejected the query: {error}"); // as ArxivApiImporter does
            return new ReaderOutcome(feed.Entries, feed.Rejected, null);
        }
        catch (ImportSourceException e) { return ReaderOutcome.Refused(e.Message); }
    }

    public override bool IsAt(ImportProblem problem, int position) => problem.Where == $"entry {position}";
}
