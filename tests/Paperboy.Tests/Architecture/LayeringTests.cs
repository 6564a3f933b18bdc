using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Architecture;

/// <summary>
/// The folders of src/Paperboy depend on each other one way, as the table in docs/architecture.md allows. The checks
/// read the compiled program (types, members, method bodies), so a fully qualified name counts as much as a using.
/// </summary>
public sealed partial class LayeringTests
{
    static readonly System.Reflection.Assembly Program = typeof(PaperboyApp).Assembly;

    [Fact]
    public void EveryFolderUsesOnlyWhatTheTableAllows()
    {
        var table = LayerTable.Read();
        var violations = new List<string>();
        foreach (var (folder, allowed) in table)
        {
            var forbidden = table.Keys.Where(other => other != folder && !allowed.Contains(other)).Select(other => $"Paperboy.{other}").ToArray();
            if (forbidden.Length == 0) continue;
            var result = Types.InAssembly(Program).That().ResideInNamespaceMatching(NamespaceOf(folder))
                .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            if (!result.IsSuccessful)
                violations.AddRange(result.FailingTypes.Select(t => $"{t.FullName} (in {folder}) uses a folder its row does not allow"));
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void EverySourceFileNamesOnlyFoldersItsRowAllows()
    {
        // The same reading as ../shared/tools/folder-deps (usings and qualified names, in C# and Razor), so that an
        // unused using of a forbidden folder fails here too, not only a compiled dependency.
        var table = LayerTable.Read();
        var source = Path.Combine(RepoPaths.Root, "src", "Paperboy");
        var violations = new List<string>();
        foreach (var folder in table.Keys.Where(f => Directory.Exists(Path.Combine(source, f))))
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, folder), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
        foreach (var used in SourceReference().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct())
            if (used != folder && table.ContainsKey(used) && !table[folder].Contains(used))
                violations.Add($"{Path.GetRelativePath(source, file)} names Paperboy.{used}, which {folder} may not use");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void NothingUsesTheCompositionRoot()
    {
        var result = Types.InAssembly(Program).That().ResideInNamespaceMatching(@"^Paperboy\.")
            .ShouldNot().HaveDependencyOnAny("Paperboy.PaperboyApp", "Program").GetResult();
        Assert.True(result.IsSuccessful, string.Join("\n", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void TheTableHasNoCycle()
    {
        var table = LayerTable.Read();
        var done = new HashSet<string>();
        var path = new List<string>();
        foreach (var folder in table.Keys) Visit(folder);

        void Visit(string folder)
        {
            if (done.Contains(folder)) return;
            Assert.False(path.Contains(folder), "cycle in docs/architecture.md: " + string.Join(" -> ", path.SkipWhile(f => f != folder).Append(folder)));
            path.Add(folder);
            foreach (var used in table[folder]) Visit(used);
            path.RemoveAt(path.Count - 1);
            done.Add(folder);
        }
    }

    [Fact]
    public void TheTableListsEveryTopLevelFolderOfTheProgram()
    {
        var folders = Program.GetTypes().Select(t => t.Namespace ?? "")
            .Select(ns => FolderOf().Match(ns)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Empty(folders.Except(LayerTable.Read().Keys));
    }

    [Fact]
    public void TheTableOnlyAllowsFoldersItLists()
    {
        var table = LayerTable.Read();
        Assert.Empty(table.SelectMany(row => row.Value.Where(used => !table.ContainsKey(used)).Select(used => $"{row.Key} -> {used}")));
    }

    [Fact]
    public void TheCheckSeesADependencyThatExists()
    {
        // Papers' pages show Community's upvote button: the same check as above must find that dependency, or it finds nothing.
        var result = Types.InAssembly(Program).That().ResideInNamespaceMatching(NamespaceOf("Papers"))
            .ShouldNot().HaveDependencyOnAny("Paperboy.Community").GetResult();
        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypes, t => t.FullName.StartsWith("Paperboy.Papers.", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSourceScanSeesAReferenceThatExists()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Paperboy", "Papers", "PaperPage.razor"));
        Assert.Contains("Community", SourceReference().Matches(page).Select(m => m.Groups[1].Value));
    }

    static string NamespaceOf(string folder) => $@"^Paperboy\.{folder}(\.|$)";

    [GeneratedRegex(@"^Paperboy\.([A-Z]\w*)")]
    private static partial Regex FolderOf();

    [GeneratedRegex(@"(?:@?using\s+(?:static\s+)?|[^\w.])Paperboy\.([A-Z]\w*)")]
    private static partial Regex SourceReference();
}
