using System.Globalization;
using System.Text.Json.Serialization;
using Paperboy.Papers;

namespace Paperboy.Search;

/// <summary>One result of <c>/api/papers/search</c> in Hugging Face's shape: <c>{"paper":{...},"numComments":n}</c>.</summary>
public sealed record SearchJson(SearchJson.PaperJson Paper, string Title, string Summary, string PublishedAt, int NumComments)
{
    public static SearchJson From(Paper p) => new(PaperJson.From(p), p.Title, p.Abstract, Timestamp(p.PublishedAt), p.CommentCount + p.ImportedComments);

    public sealed record PaperJson(string Id, IReadOnlyList<AuthorJson> Authors, string PublishedAt, string Title, string Summary, int Upvotes,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ProjectPage,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GithubRepo,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? GithubStars,
        [property: JsonPropertyName("ai_summary"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AiSummary,
        [property: JsonPropertyName("ai_keywords"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AiKeywords)
    {
        public static PaperJson From(Paper p) => new(p.Id, p.Authors.Select(a => new AuthorJson(a)).ToList(), Timestamp(p.PublishedAt), p.Title,
            p.Abstract, p.Upvotes, p.ProjectPage, p.GithubRepo, p.GithubStars, p.AiSummary, p.AiKeywords.Count > 0 ? p.AiKeywords : null);
    }

    public sealed record AuthorJson(string Name);

    static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
