namespace Paperboy.Storage;

/// <summary>Daily: the previous day's papers, on the configured weekdays (Monday to Friday). Weekly: the previous week's, on Mondays.</summary>
public enum DigestFrequency
{
    Daily = 0,
    Weekly = 1,
}
