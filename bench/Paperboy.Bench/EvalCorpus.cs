using System.Text.Json;

namespace Paperboy.Bench;

/// <summary>One line of the corpus that bench/search/make_eval_corpus.py writes.</summary>
public sealed record EvalPaper(string Id, string Title, string Abstract, List<string> Authors, List<string> Categories,
    string Published, List<string> Keywords, int Upvotes, string Summary = "")
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static List<EvalPaper> Read(string path) =>
        File.ReadLines(path).Select(l => JsonSerializer.Deserialize<EvalPaper>(l, Json)!).ToList();
}
