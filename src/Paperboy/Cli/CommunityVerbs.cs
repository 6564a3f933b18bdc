using System.CommandLine;
using Paperboy.Community;
using Paperboy.Storage;

namespace Paperboy.Cli;

/// <summary><c>paperboy users add</c> and <c>paperboy tokens add</c>.</summary>
public static class CommunityVerbs
{
    public static Command Users(WebApplication app)
    {
        var handle = new Option<string>("--handle") { Description = "The person's handle (2-30 of a-z, 0-9, '-', '_')", Required = true };
        var email = new Option<string>("--email") { Description = "Their email address (sign-in links go there)", Required = true };
        var role = new Option<string>("--role") { Description = "member, curator or admin", DefaultValueFactory = _ => "member" };
        var add = new Command("add", "Create an account (the first admin, a curator...).") { handle, email, role };
        add.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var h = pr.GetValue(handle)!.Trim();
            var e = pr.GetValue(email)!.Trim();
            if (UserStore.HandleProblem(h) is { } problem) throw new CliException(problem);
            if (!UserStore.IsPlausibleEmail(e)) throw new CliException($"'{e}' is not an email address.");
            if (!Enum.TryParse<UserRole>(pr.GetValue(role), ignoreCase: true, out var r) || !Enum.IsDefined(r) || int.TryParse(pr.GetValue(role), out _))
                throw new CliException($"--role is member, curator or admin, not '{pr.GetValue(role)}'.");
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserStore>();
            var user = await users.CreateAsync(e, h, r, ct)
                ?? throw new CliException($"handle '{h}' or email '{e}' already has an account.");
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(null, AuditLog.CommandLine, AuditActions.AddedAccount,
                $"@{user.Handle}", $"as {user.Role.ToString().ToLowerInvariant()}", ct);
            Console.WriteLine($"created @{user.Handle} <{user.Email}> as {user.Role.ToString().ToLowerInvariant()}");
            return 0;
        });
        return new Command("users", "Manage accounts.") { add };
    }

    public static Command Tokens(WebApplication app)
    {
        var handle = new Option<string>("--handle") { Description = "Whose token", Required = true };
        var name = new Option<string>("--name") { Description = "A name to recognise it by", DefaultValueFactory = _ => "cli" };
        var add = new Command("add", "Create a personal API token and print it (once).") { handle, name };
        add.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserStore>().FindByHandleAsync(pr.GetValue(handle)!.Trim(), ct)
                ?? throw new CliException($"nobody goes by '{pr.GetValue(handle)}'; create the account with 'paperboy users add'.");
            var (_, text) = await scope.ServiceProvider.GetRequiredService<ApiTokenStore>().CreateAsync(user.Id, pr.GetValue(name)!, ct);
            Console.WriteLine(text);
            return 0;
        });
        return new Command("tokens", "Manage personal API tokens.") { add };
    }
}
