using System.Text;
using System.Xml.Linq;
using CsCheck;

namespace Paperboy.Tests.Ingest.Fuzz;

/// <summary>
/// Damage to the shape of a real XML answer, still well-formed XML: an element removed, doubled or renamed, a text or an
/// attribute holding the wrong kind of value, a huge text, deep nesting; and a document type declaration in front,
/// with entity expansion (billion laughs, quadratic blow-up) or external entities (a local file, an unreachable URL).
/// </summary>
public static class XmlMutations
{
    /// <summary>What a text or an attribute is replaced by (raw XML: some are markup).</summary>
    static readonly string[] Texts =
    [
        "", "   ", "yesterday", "-1", "99999999999999999999", "v0", "vX", "not-an-id", "0000.0000", "http://arxiv.org/abs/banana",
        "javascript:alert(1)", "Error", "deleted", "&#x9;&#xA;&#xD; spaces &#x20; ", "&lt;b&gt;tag&lt;/b&gt;", "&amp;amp;",
        new string('x', 256 << 10), string.Concat(Enumerable.Repeat("<x>", 1_000)) + "deep" + string.Concat(Enumerable.Repeat("</x>", 1_000)),
        "&e;",
    ];

    /// <summary>Document type declarations an attacker or a broken proxy could put in front; <c>&amp;e;</c> is their entity.</summary>
    static readonly string[] Doctypes =
    [
        "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
            + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>",
        "<!DOCTYPE r [<!ENTITY e \"" + new string('q', 50_000) + "\">]>",
        "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>",
        "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/r.dtd\" [<!ENTITY e \"x\">]>",
        "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p; <!ENTITY e \"x\">]>",
    ];

    enum Kind { Remove, Duplicate, Text, Attribute, Rename, Doctype }

    readonly record struct Mutation(Kind Kind, double At, int Pick);

    static readonly Gen<Mutation> OneMutation =
        Gen.Select(Gen.Frequency((4, Gen.Const(Kind.Remove)), (3, Gen.Const(Kind.Duplicate)), (6, Gen.Const(Kind.Text)), (2, Gen.Const(Kind.Attribute)),
                (2, Gen.Const(Kind.Rename)), (1, Gen.Const(Kind.Doctype))), Gen.Double[0, 1], Gen.Int[0, 1000],
            (k, at, pick) => new Mutation(k, at, pick));

    /// <summary>The seed (an XML document) with one to four structural mutations.</summary>
    public static Gen<byte[]> Of(Gen<byte[]> seeds) =>
        Gen.Select(seeds, OneMutation.Array[1, 4], (seed, mutations) =>
        {
            var doc = XDocument.Parse(Encoding.UTF8.GetString(seed));
            var raw = new List<string>();
            string? doctype = null;
            foreach (var m in mutations)
                if (m.Kind == Kind.Doctype) doctype = Doctypes[m.Pick % Doctypes.Length];
                else Apply(doc, m, raw);
            return Encoding.UTF8.GetBytes(Splice(doc, raw, doctype));
        });

    const string Placeholder = "@@raw";

    static void Apply(XDocument doc, Mutation m, List<string> raw)
    {
        var elements = doc.Root!.Descendants().ToList();
        if (elements.Count == 0) return;
        var e = elements[(int)(m.At * (elements.Count - 1))];
        switch (m.Kind)
        {
            case Kind.Remove: e.Remove(); break;
            case Kind.Duplicate: e.AddAfterSelf(new XElement(e)); break;
            case Kind.Rename: e.Name = e.Name.Namespace + (e.Name.LocalName + "x"); break;
            case Kind.Attribute when e.Attributes().FirstOrDefault(a => !a.IsNamespaceDeclaration) is { } a:
                if (m.Pick % 3 == 0) a.Remove();
                else a.Value = Texts[m.Pick % 12]; // the short ones: an attribute cannot hold markup
                break;
            default:
                raw.Add(Texts[m.Pick % Texts.Length]);
                e.ReplaceNodes(Placeholder + (raw.Count - 1) + ";");
                break;
        }
    }

    static string Splice(XDocument doc, List<string> raw, string? doctype)
    {
        var xml = new StringBuilder(doc.Root!.ToString(SaveOptions.DisableFormatting));
        for (var i = raw.Count - 1; i >= 0; i--) xml.Replace($"{Placeholder}{i};", raw[i]);
        if (doctype is not null) xml.Insert(0, doctype.Replace("<!DOCTYPE r", "<!DOCTYPE " + doc.Root.Name.LocalName) + "\n");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml;
    }
}
