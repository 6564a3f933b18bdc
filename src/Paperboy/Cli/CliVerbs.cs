using System.CommandLine;
using Paperboy.Storage;

namespace Paperboy.Cli;

/// <summary>Every verb of the <c>paperboy</c> program, in one place. Each runs the same code as the schedules.</summary>
public static class CliVerbs
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand("Paperboy: a self-hosted daily-papers hub. Without a verb it serves the hub.");
        root.Subcommands.Add(Migrate(app));
        root.Subcommands.Add(CommunityVerbs.Users(app));
        root.Subcommands.Add(CommunityVerbs.Tokens(app));
        root.Subcommands.Add(DigestVerbs.Verb(app));
        // Features add their verbs here: import, users, tokens, digest, embed.
        root.Subcommands.Add(ImportVerbs.Create(app));
        foreach (var verb in SearchVerbs.All(app)) root.Subcommands.Add(verb);
        foreach (var verb in BackupVerbs.All(app)) root.Subcommands.Add(verb);
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // An unknown verb or a bad option: one line naming it, and 2, like every other bad argument.
                var problem = parsed.UnmatchedTokens.Count > 0
                    ? $"unknown verb or option '{string.Join(' ', parsed.UnmatchedTokens)}'"
                    : string.Join("; ", parsed.Errors.Select(e => e.Message));
                Console.Error.WriteLine($"error: {problem} (see paperboy --help)");
                return 2;
            }
            // Without the default handler a CliException reaches the catch below: one line, no stack trace.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    static Command Migrate(WebApplication app)
    {
        var cmd = new Command("migrate", "Apply database migrations and exit.");
        cmd.SetAction(async (_, ct) =>
        {
            var applied = await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            Console.WriteLine(applied.Count == 0 ? "database is up to date" : $"applied {string.Join(", ", applied)}");
            return 0;
        });
        return cmd;
    }
}
