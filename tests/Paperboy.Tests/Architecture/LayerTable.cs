using System.Text.RegularExpressions;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Architecture;

/// <summary>The table "Who may use whom" of docs/architecture.md: each folder and the folders it may use.</summary>
static partial class LayerTable
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md"));
        var section = doc[doc.IndexOf("## Who may use whom", StringComparison.Ordinal)..];
        var table = new Dictionary<string, IReadOnlySet<string>>();
        foreach (Match row in Row().Matches(section))
            table[row.Groups[1].Value] = Folder().Matches(row.Groups[2].Value).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(table);
        return table;
    }

    [GeneratedRegex(@"^\| `(\w+)` \|([^|\n]*)\|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"`(\w+)`")]
    private static partial Regex Folder();
}
