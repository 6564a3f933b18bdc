using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>
/// Damage to the shape of a real JSON record, still well-formed JSON: a field removed, a field of the wrong type, an
/// array element dropped or doubled, a huge string, deep nesting, a string carrying what text must not (NUL, a lone
/// surrogate, bytes that are not UTF-8). One to four per input, each at a drawn node of the document.
/// </summary>
public static class JsonMutations
{
    /// <summary>What a value is replaced by, as raw JSON bytes (some are not valid UTF-8 or nest beyond any limit).</summary>
    public static readonly byte[][] Values =
    [
        .. new[]
        {
            "null", "true", "0", "-1", "1e400", "-9223372036854775809", "3.5", "\"\"", "\"   \"", "[]", "{}", "\"x\"", "[1,\"a\",null]", "{\"name\":null}",
            "\"not-an-id\"", "\"0000.0000\"", "\"2409.01234v0\"", "\"yesterday\"", "\"javascript:alert(1)\"", "\"data:text/html,x\"", "\" http://x.test/\\u0001 \"",
            @"""A\u0000B\u0001C\u000bD\u007fE""", @"""\ud800 lone high""", @"""lone low \udfff""", @"""\uFFFE\uFFFF""", "\"line\\nbreak\\ttab\"",
            "\"" + new string('x', 256 << 10) + "\"", new string('[', 10_000) + new string(']', 10_000),
            string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000),
        }.Select(Encoding.UTF8.GetBytes),
        [(byte)'"', 0x41, 0xFF, 0x42, (byte)'"'], [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'], [(byte)'"', 0xC0, 0x80, (byte)'"'],
    ];

    enum Kind { Remove, Replace, Duplicate }

    readonly record struct Mutation(Kind Kind, double At, int Pick);

    static readonly Gen<Mutation> OneMutation =
        Gen.Select(Gen.Frequency((4, Gen.Const(Kind.Remove)), (8, Gen.Const(Kind.Replace)), (2, Gen.Const(Kind.Duplicate))), Gen.Double[0, 1], Gen.Int[0, 1000],
            (k, at, pick) => new Mutation(k, at, pick));

    /// <summary>The seed (a JSON document) with one to four structural mutations.</summary>
    public static Gen<byte[]> Of(Gen<byte[]> seeds) =>
        Gen.Select(seeds, OneMutation.Array[1, 4], (seed, mutations) =>
        {
            var root = JsonNode.Parse(seed)!;
            var raw = new List<byte[]>();
            foreach (var m in mutations) Apply(root, m, raw);
            return Splice(root, raw);
        });

    /// <summary>A value replaced by a placeholder string, filled in with its raw bytes after the document is written.</summary>
    const string Placeholder = "@@raw";

    static void Apply(JsonNode root, Mutation m, List<byte[]> raw)
    {
        var slots = Slots(root).ToList();
        if (slots.Count == 0) return;
        var (parent, key, index) = slots[(int)(m.At * (slots.Count - 1))];
        switch (m.Kind)
        {
            case Kind.Remove when parent is JsonObject o: o.Remove(key!); break;
            case Kind.Remove when parent is JsonArray a: a.RemoveAt(index); break;
            case Kind.Duplicate when parent is JsonArray a: a.Insert(index, a[index]?.DeepClone()); break;
            default:
                raw.Add(Values[m.Pick % Values.Length]);
                JsonNode placeholder = JsonValue.Create(Placeholder + (raw.Count - 1));
                if (parent is JsonObject obj) obj[key!] = placeholder; else ((JsonArray)parent)[index] = placeholder;
                break;
        }
    }

    /// <summary>Every value in the document with where it sits: the property of an object or the element of an array.</summary>
    static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        if (node is JsonObject o)
            foreach (var (key, value) in o.ToList())
            {
                yield return (o, key, -1);
                if (value is not null) foreach (var s in Slots(value)) yield return s;
            }
        else if (node is JsonArray a)
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, null, i);
                if (a[i] is { } value) foreach (var s in Slots(value)) yield return s;
            }
    }

    static byte[] Splice(JsonNode root, List<byte[]> raw)
    {
        var json = Encoding.UTF8.GetBytes(root.ToJsonString());
        for (var i = raw.Count - 1; i >= 0; i--)
        {
            var marker = Encoding.UTF8.GetBytes($"\"{Placeholder}{i}\"");
            var at = json.AsSpan().IndexOf(marker);
            if (at >= 0) json = [.. json.AsSpan(0, at), .. raw[i], .. json.AsSpan(at + marker.Length)];
        }
        return json;
    }
}
