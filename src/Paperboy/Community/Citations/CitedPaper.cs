using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>A paper to cite, with what its reader wrote about it when it comes from a collection (empty from a paper page).</summary>
public sealed record CitedPaper(Paper Paper, string Note = "", IReadOnlyList<string>? Tags = null)
{
    public IReadOnlyList<string> TagList => Tags ?? [];

    public string Url => $"https://arxiv.org/abs/{Paper.Id}";
}
