using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>
/// <see cref="SnapshotLineReader"/> and <see cref="SnapshotParser"/> on JSON-lines files of real snapshot lines (the
/// snapshot's head, old and new ids, with and without <c>authors_parsed</c>), read from a file as the import reads it.
/// </summary>
public sealed class SnapshotTarget : ReaderTarget
{
    public override string Name => "snapshot JSONL";

    /// <summary>Memory (tmpfs) where there is one: a file written and deleted per input would otherwise time the disk.</summary>
    static readonly string Folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    protected override IReadOnlyList<byte[]> Good { get; } =
        [.. File.ReadLines(SharedData.PathOf("arxiv-snapshot", "snapshot-head200.jsonl")).Where((_, i) => i % 10 == 0).Select(Encoding.UTF8.GetBytes)];

    protected override byte[] Source(IEnumerable<byte[]> records) => [.. records.SelectMany(r => r.Append((byte)'\n'))];

    /// <summary>Blank lines (skipped by the import, yet counted) and CRLF line ends, drawn from <paramref name="noise"/>.</summary>
    protected override (byte[] Input, int[] Positions) Place(IReadOnlyList<byte[]> records, int noise)
    {
        var text = new List<byte>();
        var positions = new int[records.Count];
        var line = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var draw = noise >> i;
            if ((draw & 1) == 1) { text.AddRange(" \n"u8); line++; }
            text.AddRange(records[i]);
            text.AddRange((draw & 2) == 2 ? "\r\n"u8 : "\n"u8);
            positions[i] = ++line;
        }
        return ([.. text], positions);
    }

    protected override int Breaks => 7;

    protected override byte[] Break(byte[] record, int how)
    {
        if (how == 0) return record[..(record.Length / 2)];
        if (how == 1) return "[1, 2]"u8.ToArray();
        var line = JsonNode.Parse(record)!.AsObject();
        switch (how)
        {
            case 2: line["id"] = "not-an-id"; break;
            case 3: line.Remove("id"); break;
            case 4: line["versions"] = new JsonArray(); break;
            case 5: line.Remove("title"); break;
            default: line["title"] = "@@bytes"; break;
        }
        var json = Encoding.UTF8.GetBytes(line.ToJsonString());
        var at = json.AsSpan().IndexOf("\"@@bytes\""u8);
        return at < 0 ? json : [.. json.AsSpan(0, at), (byte)'"', 0x41, 0xC0, 0x80, (byte)'"', .. json.AsSpan(at + 9)];
    }

    /// <summary>The first line's JSON damaged, the other lines as they were.</summary>
    protected override Gen<byte[]> Structural(Gen<byte[]> sources) => sources.SelectMany(source =>
    {
        var end = source.AsSpan().IndexOf((byte)'\n');
        return JsonMutations.Of(Gen.Const(source[..end])).Select(line => (byte[])[.. line, .. source.AsSpan(end)]);
    });

    /// <summary>As <see cref="SnapshotImporter"/> reads a file: blank lines skipped, each broken line a problem at its line number.</summary>
    public override ReaderOutcome Read(byte[] input)
    {
        var path = Path.Combine(Folder, $"paperboy-fuzz-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, input);
        try
        {
            using var reader = SnapshotLineReader.Open(path);
            var papers = new List<PaperRecord>();
            var problems = new List<ImportProblem>();
            while (reader.TryReadLine(out var text))
            {
                if (text.Trim((byte)' ').IsEmpty) continue;
                if (SnapshotParser.TryParse(text, out var paper, out var reason)) papers.Add(paper);
                else problems.Add(new ImportProblem($"line {reader.LineNumber.ToString(CultureInfo.InvariantCulture)}", reason));
            }
            return new ReaderOutcome(papers, problems, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return ReaderOutcome.Refused($"cannot read the file: {e.Message}"); // what the import reports as an ImportSourceException
        }
        finally { File.Delete(path); }
    }

    public override bool IsAt(ImportProblem problem, int position) => problem.Where == $"line {position}";
}
