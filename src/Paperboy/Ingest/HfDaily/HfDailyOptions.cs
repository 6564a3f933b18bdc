using System.ComponentModel.DataAnnotations;

namespace Paperboy.Ingest.HfDaily;

/// <summary>Section <c>Paperboy:Sources:HfDaily</c>.</summary>
public sealed class HfDailyOptions
{
    public const string Section = "Paperboy:Sources:HfDaily";

    /// <summary>Where <c>/api/daily_papers?date=</c> is asked; tests point it at a loopback server.</summary>
    [Required, Url] public string BaseUrl { get; set; } = "https://huggingface.co";
}
