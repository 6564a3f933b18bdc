namespace Paperboy.Ingest.Arxiv;

/// <summary>What to harvest: a set (<c>cs</c>, <c>physics:hep-th</c>), a datestamp range, a metadata format.</summary>
public sealed record OaiHarvest(string Set, DateOnly From, DateOnly? Until, string Format = "arXivRaw")
{
    public static readonly string[] Formats = ["arXivRaw", "arXiv"];

    public string Scope => $"set={Set} from={From:yyyy-MM-dd}" + (Until is { } u ? $" until={u:yyyy-MM-dd}" : "") + $" format={Format}";
}
