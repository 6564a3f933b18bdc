using Paperboy.Tests.Community;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Cli;

public class CommunityCliTests
{
    [Fact]
    public async Task UsersAddCreatesTheFirstAdmin()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var (created, _, code) = await RunAsync(app, "users", "add", "--handle", "root", "--email", "Root@Example.org", "--role", "admin");

        Assert.Equal((0, "created @root <root@example.org> as admin"), (code, created.Trim()));
    }

    [Fact]
    public async Task TokensAddPrintsATokenTheApiAcceptsForAnAdminDoingACuratorsJob()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await CommunityTestData.AddPaperAsync(app, "2409.01234");
        await RunAsync(app, "users", "add", "--handle", "root", "--email", "Root@Example.org", "--role", "admin");

        var (token, _, _) = await RunAsync(app, "tokens", "add", "--handle", "root", "--name", "laptop");

        Assert.StartsWith("pb_", token.Trim());
        var response = await CommunityTestData.ApiClient(app, token.Trim()).PutAsync("/api/papers/2409.01234/hidden", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode); // an admin does a curator's job
    }

    [Fact]
    public async Task UsersAddRefusesAHandleOrEmailThatAlreadyHasAnAccountWithExitCode2()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await RunAsync(app, "users", "add", "--handle", "root", "--email", "Root@Example.org", "--role", "admin");

        var (_, taken, takenCode) = await RunAsync(app, "users", "add", "--handle", "root", "--email", "other@example.org");

        Assert.Equal((2, "error: handle 'root' or email 'other@example.org' already has an account."), (takenCode, taken.Trim()));
    }

    [Fact]
    public async Task UsersAddRefusesAnUnknownRoleWithExitCode2()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var (_, badRole, badRoleCode) = await RunAsync(app, "users", "add", "--handle", "bob", "--email", "bob@example.org", "--role", "boss");

        Assert.Equal((2, "error: --role is member, curator or admin, not 'boss'."), (badRoleCode, badRole.Trim()));
    }

    [Fact]
    public async Task TokensAddForAnUnknownHandleSaysHowToCreateTheAccountWithExitCode2()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var (_, nobody, nobodyCode) = await RunAsync(app, "tokens", "add", "--handle", "nobody");

        Assert.Equal((2, "error: nobody goes by 'nobody'; create the account with 'paperboy users add'."), (nobodyCode, nobody.Trim()));
    }

    static async Task<(string Out, string Err, int Code)> RunAsync(PaperboyFactory app, params string[] args)
    {
        var (code, stdout, stderr) = await PaperboyProcess.RunAsync(app.Database.Settings, args);
        return (stdout, stderr, code);
    }
}
