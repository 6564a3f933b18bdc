using System.Globalization;

namespace Paperboy.Storage;

/// <summary>
/// The text form EF Core's SQLite provider stores a DateTime in (<c>2025-03-18 00:00:00</c>, fractions when there are
/// any), for plain SQL that writes the same columns EF reads.
/// </summary>
static class SqliteTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static string Text(DateTime value) => value.ToString(Format, CultureInfo.InvariantCulture);
}
