using System.Globalization;
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

    public string Label => From == To ? To.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)
        : $"{From.ToString("d MMM", CultureInfo.InvariantCulture)} – {To.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The first and last send day a digest can have: papers start in 1991 (arXiv), and a period must fit in the calendar.</summary>
    public static readonly DateOnly FirstDay = new(1991, 1, 1), LastDay = new(9999, 12, 31);

    /// <summary>A send day typed by a person (<c>--date</c>, <c>?date=</c>): a day like 2026-08-24 within <see cref="FirstDay"/>..<see cref="LastDay"/>.</summary>
    public static bool TryParseDay(string text, out DateOnly day, out string error)
    {
        error = "";
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            error = $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a day like 2026-08-24.";
        else if (day < FirstDay || day > LastDay)
            error = $"{day:yyyy-MM-dd} is out of range; give a day from {FirstDay:yyyy-MM-dd} on.";
        return error.Length == 0;
    }

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
               && TryParseDay(parts[1], out var day, out _) ? For(f, day, options) : null;
    }
}
