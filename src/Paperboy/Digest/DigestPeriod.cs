using Paperboy.Storage;
namespace Paperboy.Digest;

/// <summary>
/// Which days one digest covers: a daily digest sent on <see cref="SendDay"/> covers the days since the previous
/// send day (Monday's: Friday to Sunday), a weekly one the seven days before.
/// </summary>
public sealed record DigestPeriod(DigestFrequency Frequency, DateOnly SendDay, DateOnly From, DateOnly To)
{
    /// <summary>Names the digest in the outbox and in Message-IDs: <c>daily:2026-08-24</c>.</summary>
    public string Key => $"{Frequency.ToString().ToLowerInvariant()}:{SendDay:yyyy-MM-dd}";

    public string Label => From == To ? To.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : $"{From.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)} – {To.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Null when no digest of that frequency goes out that day.</summary>
    public static DigestPeriod? For(DigestFrequency frequency, DateOnly day, DigestOptions options)
    {
        if (frequency == DigestFrequency.Weekly)
            return day.DayOfWeek == options.WeeklyDay ? new DigestPeriod(frequency, day, day.AddDays(-7), day.AddDays(-1)) : null;
        var days = options.DailyDaySet;
        if (!days.Contains(day.DayOfWeek)) return null;
        var previous = day.AddDays(-1);
        while (previous > day.AddDays(-7) && !days.Contains(previous.DayOfWeek)) previous = previous.AddDays(-1);
        return new DigestPeriod(frequency, day, previous, day.AddDays(-1));
    }

    public static DigestPeriod? Parse(string key, DigestOptions options)
    {
        var parts = key.Split(':');
        return parts.Length == 2 && Enum.TryParse<DigestFrequency>(parts[0], ignoreCase: true, out var f)
               && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", out var day) ? For(f, day, options) : null;
    }
}
