using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Paperboy.Digest;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Digest;

/// <summary>Papers, featured days and confirmed subscribers inserted directly, and helpers to read what arrived.</summary>
public static partial class DigestTestData
{
    /// <summary>A Tuesday: its daily digest covers Monday 2026-08-24.</summary>
    public static readonly DateOnly Tuesday = new(2026, 8, 25);
    public static readonly DateOnly Monday = new(2026, 8, 24);

    public static Dictionary<string, string?> Settings(SmtpServer? smtp, params (string Key, string Value)[] extra)
    {
        var settings = smtp?.Settings ?? new Dictionary<string, string?>();
        settings["Paperboy:PublicBaseUrl"] = "https://paperboy.test";
        settings["Paperboy:Digest:TimeZone"] = "Europe/Paris";
        foreach (var (k, v) in extra) settings[k] = v;
        return settings;
    }

    public static Paper Paper(string id, string title, int upvotes = 0, string abstractText = "An abstract.", string[]? authors = null,
        string[]? categories = null, DateTime? published = null) => new()
    {
        Id = id, Title = title, Abstract = abstractText, Authors = [.. authors ?? ["Ada Lovelace"]], Categories = [.. categories ?? ["cs.LG"]],
        ImportedUpvotes = upvotes, PublishedAt = published ?? new DateTime(2026, 8, 24, 12, 0, 0, DateTimeKind.Utc),
        UpdatedAt = published ?? new DateTime(2026, 8, 24, 12, 0, 0, DateTimeKind.Utc), CreatedAt = DateTime.UtcNow,
    };

    public static async Task AddPapersAsync(PaperboyFactory app, DateOnly? featuredOn, params Paper[] papers) => await app.WithDbAsync(async db =>
    {
        db.AddRange(papers);
        if (featuredOn is { } day)
            foreach (var p in papers)
                db.Add(new FeaturedPaper { PaperId = p.Id, Day = day, FeaturedAt = DateTime.UtcNow, Source = FeaturedSource.Curator });
        await db.SaveChangesAsync();
    });

    public static async Task<long> AddSubscriberAsync(PaperboyFactory app, string email, DigestFrequency frequency = DigestFrequency.Daily,
        params string[] watchlists) => await app.WithDbAsync(async db =>
    {
        var sub = new Subscription
        {
            Email = email, Frequency = frequency, ConfirmedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            Watchlists = watchlists.Select(q => new Watchlist { Query = q, CreatedAt = DateTime.UtcNow }).ToList(),
        };
        db.Add(sub);
        await db.SaveChangesAsync();
        return sub.Id;
    });

    public static Task<DigestRunResult> RunAsync(PaperboyFactory app, DateOnly day, DigestFrequency? frequency = null) =>
        app.Services.GetRequiredService<DigestRunner>().RunAsync(day, frequency, dryRun: false, CancellationToken.None);

    public static string Text(MimeMessage m) => m.BodyParts.OfType<TextPart>().Single(p => !p.IsHtml).Text;
    public static string Html(MimeMessage m) => m.BodyParts.OfType<TextPart>().Single(p => p.IsHtml).Text;
    public static string To(MimeMessage m) => m.To.Mailboxes.Single().Address;

    /// <summary>The path of the first link in a text part that starts with <paramref name="prefix"/> (e.g. <c>/subscribe/confirm/</c>).</summary>
    public static string LinkPath(string text, string prefix)
    {
        var match = Regex.Match(text, @"https://paperboy\.test(" + Regex.Escape(prefix) + @"[^\s""<>]+)");
        Assert.True(match.Success, $"no link to {prefix} in:\n{text}");
        return match.Groups[1].Value;
    }

    /// <summary>The antiforgery cookie is kept by the client; the form token is read from the page.</summary>
    public static string FormToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no antiforgery token in the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
