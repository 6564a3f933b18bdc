using System.ComponentModel.DataAnnotations;

namespace Paperboy.Ingest.Arxiv;

/// <summary>Section <c>Paperboy:Sources:Arxiv</c>.</summary>
public sealed class ArxivOptions
{
    public const string Section = "Paperboy:Sources:Arxiv";

    [Required, Url] public string ApiBaseUrl { get; set; } = "https://export.arxiv.org/api/query";
    [Required, Url] public string OaiBaseUrl { get; set; } = "https://oaipmh.arxiv.org/oai";
    /// <summary>arXiv asks for at most one request every 3 seconds; tests shorten it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan RequestInterval { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>Results per query API request (arXiv allows up to 2000).</summary>
    [Range(1, 2000)] public int PageSize { get; set; } = 100;
    /// <summary>How often an OAI-PMH 503 is waited out before the harvest fails.</summary>
    [Range(0, 100)] public int MaxRetries { get; set; } = 5;
    /// <summary>The longest Retry-After honoured; a longer one fails the run (it resumes from its token later).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(10);
}
