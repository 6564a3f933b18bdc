using System.CommandLine;
using Paperboy.Digest;
using Paperboy.Storage;

namespace Paperboy.Cli;

/// <summary><c>paperboy digest send [--date D] [--frequency daily|weekly] [--dry-run]</c></summary>
public static class DigestVerbs
{
    public static Command Verb(WebApplication app)
    {
        var digest = new Command("digest", "Email digests.");
        var send = new Command("send", "Compose the digests due on a day (default: today) and send everything due in the outbox.");
        var date = new Option<string?>("--date") { Description = "the send day, YYYY-MM-DD (default: today in Paperboy:Digest:TimeZone)" };
        var frequency = new Option<string?>("--frequency") { Description = "only this digest: daily or weekly" };
        frequency.AcceptOnlyFromAmong("daily", "weekly");
        var dryRun = new Option<bool>("--dry-run") { Description = "compose and report, but write and send nothing" };
        send.Options.Add(date);
        send.Options.Add(frequency);
        send.Options.Add(dryRun);
        send.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<DigestRunner>();
            var day = ParseDay(pr.GetValue(date)) ?? runner.Today;
            DigestFrequency? only = pr.GetValue(frequency) is { } f ? Enum.Parse<DigestFrequency>(f, ignoreCase: true) : null;
            if (runner.PeriodsOn(day, only).Count == 0)
                Console.WriteLine($"no {(only?.ToString().ToLowerInvariant() ?? "")} digest goes out on {day:dddd yyyy-MM-dd}; sending what is due".Replace("no  ", "no "));
            var result = await runner.RunAsync(day, only, pr.GetValue(dryRun), ct);
            return Report(result, pr.GetValue(dryRun));
        });
        digest.Subcommands.Add(send);
        return digest;
    }

    static DateOnly? ParseDay(string? text)
    {
        if (text is null) return null;
        return DigestPeriod.TryParseDay(text, out var day, out var error) ? day : throw new CliException($"--date {error}");
    }

    static int Report(DigestRunResult result, bool dryRun)
    {
        foreach (var c in result.Composed)
            Console.WriteLine($"{c.Period.Key} (papers of {c.Period.From:yyyy-MM-dd}..{c.Period.To:yyyy-MM-dd}): " +
                              $"{c.Messages} messages {(dryRun ? "would be composed" : "composed")}, {c.Featured} featured, " +
                              $"{c.WatchlistMatches} watch-list matches, in {c.Elapsed.TotalSeconds:F1} s");
        if (result.Sent is not { } s) return 0;
        var rate = s.Elapsed.TotalSeconds > 0 ? s.Sent / s.Elapsed.TotalSeconds : 0;
        Console.WriteLine($"sent {s.Sent}, failed {s.Failed}, to retry later {s.Retrying}, still waiting {s.Waiting}, " +
                          $"in {s.Elapsed.TotalSeconds:F1} s ({rate:F0} messages/s)");
        if (s.Unreachable is null) return 0;
        Console.Error.WriteLine($"stopped: {s.Unreachable}; {s.Waiting} messages wait for the next run");
        return 3;
    }
}
