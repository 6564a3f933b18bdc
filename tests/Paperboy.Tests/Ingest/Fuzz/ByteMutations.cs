using System.Text;
using CsCheck;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>
/// Damage to the bytes of a real input, as a flaky network, a full disk or a careless exporter leaves it: bits flipped,
/// bytes lost or doubled, hostile characters slipped in, the file cut short. One to eight of them per input, in turn.
/// Each is drawn as numbers (kind, places, which snippet) so that CsCheck shrinks a failure to the fewest, smallest ones.
/// </summary>
public static class ByteMutations
{
    /// <summary>
    /// What readers choke on: NUL, U+0001, U+000B, DEL; invalid UTF-8 (a lone continuation byte, 0xFF, an overlong NUL, a
    /// UTF-8-encoded lone surrogate, a sequence cut short, a code point past U+10FFFF); U+FFFE; and the same as JSON escapes
    /// and XML character references, which decode to them only after the bytes were found well formed.
    /// </summary>
    public static readonly byte[][] Hostile =
    [
        [0x00], [0x01], [0x0B], [0x7F], [0x80], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBF, 0xBE],
        .. new[] { @"\u0000", @"\u0001", @"\u000b", @"\ud800", @"\udc00x", @"\uFFFE", "&#0;", "&#1;", "&#x0B;", "&#xD800;", "&#xFFFE;", "&amp", "&nosuch;", "]]>", "<![CDATA[", "\r", "\u2028", "\"", "<", "'" }
            .Select(Encoding.UTF8.GetBytes),
    ];

    /// <summary>Where a cut or an inserted byte hurts most in JSON and XML.</summary>
    static readonly byte[] Structural = "{}[]\":,<>&;/="u8.ToArray();

    enum Kind { FlipBit, Delete, InsertHostile, ReplaceWithHostile, Truncate, TruncateAtStructure, Duplicate, InsertStructural }

    /// <param name="At">Where, as a fraction of the length at that moment.</param>
    readonly record struct Mutation(Kind Kind, double At, int Length, int Pick);

    static readonly Gen<Mutation> OneMutation =
        Gen.Select(Gen.Enum<Kind>(), Gen.Double[0, 1], Gen.Int[1, 64], Gen.Int[0, 1000], (k, at, n, pick) => new Mutation(k, at, n, pick));

    /// <summary>The seed with one to eight mutations applied in turn.</summary>
    public static Gen<byte[]> Of(Gen<byte[]> seeds) =>
        Gen.Select(seeds, OneMutation.Array[1, 8], (seed, mutations) => mutations.Aggregate(seed, Apply));

    static byte[] Apply(byte[] data, Mutation m)
    {
        var at = (int)(m.At * data.Length);
        var hostile = Hostile[m.Pick % Hostile.Length];
        return m.Kind switch
        {
            Kind.FlipBit when data.Length > 0 => Flip(data, Math.Min(at, data.Length - 1), m.Pick % 8),
            Kind.Delete => [.. data.AsSpan(0, at), .. data.AsSpan(Math.Min(data.Length, at + m.Length))],
            Kind.InsertHostile => [.. data.AsSpan(0, at), .. hostile, .. data.AsSpan(at)],
            Kind.ReplaceWithHostile => [.. data.AsSpan(0, at), .. hostile, .. data.AsSpan(Math.Min(data.Length, at + 1))],
            Kind.Truncate => data[..at],
            Kind.TruncateAtStructure => data[..StructuralCut(data, m)],
            Kind.Duplicate => [.. data.AsSpan(0, Math.Min(data.Length, at + m.Length)), .. data.AsSpan(at, Math.Min(data.Length - at, m.Length)), .. data.AsSpan(Math.Min(data.Length, at + m.Length))],
            Kind.InsertStructural => [.. data.AsSpan(0, at), Structural[m.Pick % Structural.Length], .. data.AsSpan(at)],
            _ => data,
        };
    }

    static byte[] Flip(byte[] data, int at, int bit)
    {
        var copy = (byte[])data.Clone();
        copy[at] ^= (byte)(1 << bit);
        return copy;
    }

    /// <summary>Just before or just after a structural byte at or past the drawn place (a cut inside a token is the plain <see cref="Kind.Truncate"/>).</summary>
    static int StructuralCut(byte[] data, Mutation m)
    {
        var at = (int)(m.At * data.Length);
        var next = data.AsSpan(at).IndexOfAny(Structural);
        return next < 0 ? at : at + next + (m.Pick % 2);
    }
}
