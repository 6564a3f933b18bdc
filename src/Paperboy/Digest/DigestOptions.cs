using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Paperboy.Digest;

/// <summary>Section <c>Paperboy:Digest</c>: what goes into the digests, when they go out, and how they are sent.</summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string Section = "Paperboy:Digest";

    /// <summary>Run the daily schedule (compose and send at <see cref="SendAt"/>, retry due messages every minute).</summary>
    public bool Scheduled { get; set; } = true;
    /// <summary>Local time of day the digests go out, in <see cref="TimeZone"/>.</summary>
    [RegularExpression(@"^\d{1,2}:\d{2}$")] public string SendAt { get; set; } = "07:00";
    /// <summary>An IANA time zone id; it also decides what "the previous day" is.</summary>
    [Required] public string TimeZone { get; set; } = "Europe/Paris";
    /// <summary>Days a daily digest goes out (like arXiv's announcements). Monday's covers Friday to Sunday.</summary>
    /// <remarks>A comma-separated string rather than a list: the configuration binder appends to a list's defaults.</remarks>
    public string DailyDays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";
    public DayOfWeek WeeklyDay { get; set; } = DayOfWeek.Monday;
    /// <summary>How many featured papers, best voted first.</summary>
    [Range(1, 100)] public int TopFeatured { get; set; } = 10;
    /// <summary>At most this many papers per watch-list section.</summary>
    [Range(1, 100)] public int MaxPerWatchlist { get; set; } = 10;
    [Range(1, 50)] public int MaxWatchlists { get; set; } = 20;
    /// <summary>A watch-list looks at papers first published up to this many days before the digest's period (arXiv announces late).</summary>
    [Range(0, 14)] public int WatchlistLookbackDays { get; set; } = 3;
    /// <summary>Characters of the abstract shown.</summary>
    [Range(80, 2000)] public int AbstractChars { get; set; } = 300;
    /// <summary>Parallel SMTP connections, each reused for many messages.</summary>
    [Range(1, 32)] public int Connections { get; set; } = 8;
    /// <summary>Rows one sender claims at a time.</summary>
    [Range(1, 1000)] public int ClaimBatch { get; set; } = 100;
    /// <summary>How long claimed rows stay locked; keep it well above a batch's sending time. After a crash the rows come back after this.</summary>
    [Range(1, 3600)] public int ClaimSeconds { get; set; } = 120;
    /// <summary>Temporary refusals (4xx) retry after this many seconds, doubling each time.</summary>
    [Range(0, 86400)] public int RetryBaseSeconds { get; set; } = 300;
    [Range(1, 50)] public int MaxAttempts { get; set; } = 8;
    /// <summary>A new confirmation message for the same address goes out at most this often.</summary>
    [Range(0, 86400)] public int ConfirmResendSeconds { get; set; } = 600;
    /// <summary>Base64 HMAC key for the links in messages; by default one is generated and kept in the database.</summary>
    public string? SigningKey { get; set; }

    // These read settings that Validate has already checked at start (and must not throw: validation reads every property).
    public IReadOnlySet<DayOfWeek> DailyDaySet => DayNames().Select(d => d.Day).OfType<DayOfWeek>().ToHashSet();

    public TimeOnly SendAtTime => TryParseSendAt(out var t) ? t : new TimeOnly(7, 0);

    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!TryParseSendAt(out _))
            yield return new ValidationResult($"Paperboy:Digest:SendAt is '{SendAt}'; use a time of day like 07:00.", [nameof(SendAt)]);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"Paperboy:Digest:TimeZone is '{TimeZone}'; use an IANA time zone like Europe/Paris.", [nameof(TimeZone)]);
        foreach (var (text, _) in DayNames().Where(d => d.Day is null))
            yield return new ValidationResult($"Paperboy:Digest:DailyDays has '{text}'; use day names like Monday,Tuesday.", [nameof(DailyDays)]);
    }

    bool TryParseSendAt(out TimeOnly time) =>
        TimeOnly.TryParseExact(SendAt, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Each name in <see cref="DailyDays"/> with its day, or null when it names none.</summary>
    IEnumerable<(string Text, DayOfWeek? Day)> DayNames() =>
        DailyDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => (d, Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) && Enum.IsDefined(day) ? day : (DayOfWeek?)null));
}
